package dev.contentcreator.embedded.queue;

import static dev.contentcreator.embedded.queue.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.EventHandler.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the SQLite bus adds to the contract: durable subscriptions and messages, leases, dead rows, retention. */
final class SqliteEventBusFileTest {
  @TempDir
  Path folder;
  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final List<SqliteEventBus> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(SqliteEventBus::close);
  }

  private SqliteEventBus.Builder builder() {
    return SqliteEventBus.builder(folder.resolve("bus.db")).pollInterval(Duration.ofMillis(20));
  }

  private SqliteEventBus open(SqliteEventBus.Builder builder) {
    SqliteEventBus bus = builder.build();
    opened.add(bus);
    return bus;
  }

  private static SubscriptionConfig.Builder subscription() {
    return SubscriptionConfig.builder("jobs", "fan-out").minBackoff(Duration.ofMillis(1))
        .maxBackoff(Duration.ofMillis(5));
  }

  private static JsonObject data(int value) {
    JsonObject data = new JsonObject();
    data.addProperty("value", value);
    return data;
  }

  @Test
  void messageWaitsForItsSubscriptionAcrossRestarts() {
    open(builder()).subscribe(subscription().build(), event -> {});
    opened.remove(0).close();
    SqliteEventBus publisher = open(builder());
    String id = publisher.publish("jobs", data(1), Map.of());
    opened.remove(0).close();

    SqliteEventBus subscriber = open(builder());
    List<String> delivered = new CopyOnWriteArrayList<>();
    subscriber.subscribe(subscription().build(), event -> delivered.add(event.id()));
    subscriber.start();

    await("the delivery", () -> delivered.contains(id));
  }

  @Test
  void messagePublishedBeforeAnySubscriptionIsStoredButNotDelivered() {
    SqliteEventBus bus = open(builder());
    bus.publish("jobs", data(1), Map.of());

    bus.subscribe(subscription().build(), event -> {});

    assertEquals(1, bus.messageCount("jobs"));
    assertEquals(new QueueStats("jobs", 0, 0, 0, 0), bus.stats("jobs"));
  }

  @Test
  void deliveryLeasedByAStoppedProcessIsRedeliveredOnceTheLeaseExpires() throws Exception {
    SqliteEventBus crashed = open(builder().clock(clock).shutdownTimeout(Duration.ZERO));
    CountDownLatch started = new CountDownLatch(1);
    crashed.subscribe(subscription().ackDeadline(Duration.ofSeconds(600)).build(), event -> {
      started.countDown();
      new CountDownLatch(1).await();
    });
    String id = crashed.publish("jobs", data(1), Map.of());
    crashed.start();
    assertTrue(started.await(20, TimeUnit.SECONDS), "the first delivery never started");
    crashed.close();

    SqliteEventBus restarted = open(builder().clock(clock));
    List<Event> delivered = new CopyOnWriteArrayList<>();
    restarted.subscribe(subscription().build(), delivered::add);
    restarted.start();
    clock.advance(Duration.ofSeconds(31));
    restarted.wake();

    await("the redelivery", () -> restarted.stats("jobs").done() == 1);
    assertEquals(id, delivered.get(0).id());
    assertEquals(2, delivered.get(0).deliveryAttempt());
  }

  @Test
  void deliveryPastItsAckDeadlineIsRedelivered() {
    SqliteEventBus bus = open(builder());
    List<Integer> acknowledged = new CopyOnWriteArrayList<>();
    bus.subscribe(subscription().ackDeadline(Duration.ofMillis(100)).build(), event -> {
      if (event.deliveryAttempt() == 1) {
        new CountDownLatch(1).await(20, TimeUnit.SECONDS);
      }
      acknowledged.add(event.deliveryAttempt());
    });
    bus.publish("jobs", data(1), Map.of());
    bus.start();

    await("the acknowledgement", () -> bus.stats("jobs").done() == 1);

    assertEquals(List.of(2), acknowledged);
  }

  @Test
  void undeliverableMessageIsKeptWithItsLastError() {
    SqliteEventBus bus = open(builder());
    bus.subscribe(subscription().build(), event -> {
      throw new IllegalStateException("no luck on " + event.deliveryAttempt());
    });
    String id = bus.publish("jobs", data(3), Map.of("k", "v"));
    bus.start();

    await("the message to die", () -> bus.stats("jobs").dead() == 1);

    DeadMessage dead = bus.deadMessages("jobs").get(0);
    assertEquals(id, dead.id());
    assertEquals("fan-out", dead.handlerName());
    assertEquals(data(3), dead.data());
    assertEquals(Map.of("k", "v"), dead.attributes());
    assertEquals(5, dead.deliveryAttempts());
    assertTrue(dead.lastError().contains("no luck on 5"), dead.lastError());
  }

  @Test
  void deadLetterCopyIsStoredEvenWithoutADeadLetterSubscriber() {
    SqliteEventBus bus = open(builder());
    bus.subscribe(subscription().build(), event -> {
      throw new IllegalStateException("no luck");
    });
    bus.publish("jobs", data(3), Map.of());
    bus.start();

    await("the message to die", () -> bus.stats("jobs").dead() == 1);

    assertEquals(1, bus.messageCount("jobs-dead-letter"));
  }

  @Test
  void deadLetterCopySaysHowOftenAndWhereItFailed() {
    SqliteEventBus bus = open(builder());
    bus.subscribe(subscription().build(), event -> {
      throw new IllegalStateException("no luck");
    });
    List<Event> deadLetters = new CopyOnWriteArrayList<>();
    bus.subscribe(SubscriptionConfig.builder("jobs-dead-letter", "alarm").build(), deadLetters::add);
    bus.publish("jobs", data(3), Map.of());
    bus.start();

    await("the dead letter", () -> !deadLetters.isEmpty());

    Map<String, String> attributes = deadLetters.get(0).attributes();
    assertEquals("5", attributes.get(SqliteEventBus.DEAD_LETTER_DELIVERY_COUNT));
    assertEquals("jobs/fan-out", attributes.get(SqliteEventBus.DEAD_LETTER_SOURCE));
  }

  @Test
  void purgeForgetsAcknowledgedMessagesPastRetentionButKeepsDeadOnes() {
    SqliteEventBus bus = open(builder().retention(Duration.ofMillis(1)));
    bus.subscribe(subscription().build(), event -> {
      if (event.data().get("value").getAsInt() == 2) {
        throw new IllegalStateException("bad");
      }
    });
    bus.publish("jobs", data(1), Map.of());
    bus.publish("jobs", data(2), Map.of());
    bus.start();
    await("one acknowledged and one dead", () -> bus.stats("jobs").done() == 1 && bus.stats("jobs").dead() == 1);

    bus.purgeExpired();

    assertEquals(new QueueStats("jobs", 0, 0, 0, 1), bus.stats("jobs"));
    assertEquals(1, bus.messageCount("jobs"));
  }
}
