package dev.contentcreator.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.ports.EventBus;
import dev.contentcreator.core.ports.EventHandler;
import dev.contentcreator.core.ports.EventHandler.Event;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EventBus} adapter must show, seen only through the port: a message
 * is delivered at least once to its topic's subscriber with its data, attributes and id intact,
 * redelivered with the next attempt number while the subscriber fails, and after the maximum
 * delivery attempts sent to the topic's dead-letter topic, {@code <topic>-dead-letter}.
 *
 * <p>An adapter's test extends this class and implements {@link #open(Setup)}: a fresh bus on the
 * real clock with one running push subscription per entry of the setup's subscribers (topic to
 * handler), each with the setup's backoff and maximum delivery attempts and the dead-letter topic
 * {@code <topic>-dead-letter}. A bus that is {@link AutoCloseable} is closed after each test.
 */
public abstract class EventBusContract {
  protected static final String TOPIC = "contract-events";
  protected static final String OTHER_TOPIC = "contract-other-events";
  protected static final String DEAD_LETTER_TOPIC = TOPIC + "-dead-letter";
  protected static final String UNSUBSCRIBED_TOPIC = "contract-nobody-listens";

  /** Delivery attempts before dead-lettering in these tests: Pub/Sub's minimum. */
  protected static final int MAX_DELIVERY_ATTEMPTS = 5;

  /** What the bus under test needs: one subscription per topic in {@code subscribers}. */
  public record Setup(int maxDeliveryAttempts, Duration minBackoff, Duration maxBackoff,
      Map<String, EventHandler> subscribers) {}

  /** A fresh bus with running subscriptions as {@code setup} says. */
  protected abstract EventBus open(Setup setup);

  /** The longest a test waits for something that must happen; default 20 s. */
  protected Duration patience() {
    return Duration.ofSeconds(20);
  }

  protected EventBus bus;
  private final List<Event> received = new CopyOnWriteArrayList<>();
  private final List<Event> deadLetters = new CopyOnWriteArrayList<>();
  private final List<Event> otherTopic = new CopyOnWriteArrayList<>();
  private volatile EventHandler behaviour = event -> {};

  @BeforeEach
  final void openBus() {
    EventHandler main = event -> {
      received.add(event);
      behaviour.handle(event);
    };
    bus = open(new Setup(MAX_DELIVERY_ATTEMPTS, Duration.ofMillis(10), Duration.ofMillis(40), Map.of(
        TOPIC, main, DEAD_LETTER_TOPIC, deadLetters::add, OTHER_TOPIC, otherTopic::add)));
    assertNotNull(bus, "open() returned null");
  }

  @AfterEach
  final void closeBus() throws Exception {
    if (bus instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  @Test
  void everyPublishGetsItsOwnId() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      ids.add(bus.publish(TOPIC, data(i), Map.of()));
    }

    assertEquals(10, ids.size());
  }

  @Test
  void everyPublishedMessageIsDelivered() {
    Set<String> ids = IntStream.range(0, 20).mapToObj(i -> bus.publish(TOPIC, data(i), Map.of()))
        .collect(Collectors.toSet());

    await("every message", () -> idsOf(received).containsAll(ids));

    assertEquals(ids, idsOf(received));
  }

  @Test
  void deliveryCarriesTheMessageAsPublished() {
    JsonObject data = JsonParser.parseString("{\"text\":\"héllo — 日本語 🎉\",\"big\":9007199254740993,"
        + "\"nested\":{\"list\":[1,\"two\",null]}}").getAsJsonObject();
    Map<String, String> attributes = Map.of("jobId", "job-1", "empty", "", "unicode", "é");

    String id = bus.publish(TOPIC, data, attributes);
    await("the delivery", () -> !received.isEmpty());

    Event event = received.get(0);
    assertEquals(id, event.id());
    assertEquals(TOPIC, event.topic());
    assertEquals(data, event.data());
    assertEquals(attributes, event.attributes());
    assertNotNull(event.publishTime());
  }

  @Test
  void firstDeliveryIsAttemptOne() {
    bus.publish(TOPIC, data(1), Map.of());
    await("the delivery", () -> !received.isEmpty());

    assertEquals(1, received.get(0).deliveryAttempt());
  }

  @Test
  void failedDeliveryIsRedeliveredWithTheNextAttemptNumber() {
    behaviour = event -> {
      if (event.deliveryAttempt() < 3) {
        throw new IllegalStateException("not yet");
      }
    };

    String id = bus.publish(TOPIC, data(1), Map.of());
    await("the third delivery", () -> received.size() >= 3);

    assertEquals(List.of(1, 2, 3), received.stream().map(Event::deliveryAttempt).toList());
    assertEquals(Set.of(id), idsOf(received));
  }

  @Test
  void messageGoesToTheDeadLetterTopicAfterTheMaximumDeliveryAttempts() {
    behaviour = event -> {
      throw new IllegalStateException("always fails");
    };

    bus.publish(TOPIC, data(7), Map.of("jobId", "job-7"));
    await("the dead letter", () -> !deadLetters.isEmpty());

    Event dead = deadLetters.get(0);
    assertEquals(DEAD_LETTER_TOPIC, dead.topic());
    assertEquals(data(7), dead.data());
    assertEquals("job-7", dead.attributes().get("jobId"));
  }

  @Test
  void deadLetteredMessageWasTriedExactlyTheMaximumNumberOfTimes() {
    behaviour = event -> {
      throw new IllegalStateException("always fails");
    };

    bus.publish(TOPIC, data(7), Map.of());
    await("the dead letter", () -> !deadLetters.isEmpty());

    assertEquals(List.of(1, 2, 3, 4, 5), received.stream().map(Event::deliveryAttempt).toList());
  }

  @Test
  void messageIsDeliveredOnlyToItsOwnTopic() {
    bus.publish(OTHER_TOPIC, data(1), Map.of());
    String mine = bus.publish(TOPIC, data(2), Map.of());

    await("both deliveries", () -> !otherTopic.isEmpty() && !received.isEmpty());

    assertEquals(Set.of(mine), idsOf(received));
    assertEquals(OTHER_TOPIC, otherTopic.get(0).topic());
  }

  @Test
  void publishToATopicWithoutSubscribersIsAccepted() {
    String id = bus.publish(UNSUBSCRIBED_TOPIC, data(1), Map.of());

    assertFalse(id == null || id.isBlank());
  }

  // ---- helpers ----

  protected static JsonObject data(int value) {
    JsonObject data = new JsonObject();
    data.addProperty("value", value);
    return data;
  }

  private static Set<String> idsOf(List<Event> events) {
    return events.stream().map(Event::id).collect(Collectors.toSet());
  }

  /** Waits until {@code condition} holds, polling; fails after {@link #patience()}. */
  protected final void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + patience().toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("waited " + patience() + " for " + what + "; delivered so far: " + received);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted while waiting for " + what);
      }
    }
  }
}
