package dev.contentcreator.gcp.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the Pub/Sub adapter refuses before it calls Pub/Sub, and the subscription's defaults. */
final class PubSubChecksTest {
  // Nothing listens on port 1: a test that reached the network would fail instead of passing.
  private final PubSubEventBus bus = PubSubEventBus.builder("cc-test").emulatorHost("127.0.0.1:1")
      .shutdownTimeout(Duration.ZERO).build();

  @AfterEach
  void close() {
    bus.close();
  }

  @Test
  void topicNamesPubSubWouldRefuseAreRefused() {
    for (String topic : new String[] {"ab", "1topic", "goog-topic", "has space", "a/b"}) {
      assertThrows(IllegalArgumentException.class, () -> bus.publish(topic, new JsonObject(), Map.of()), topic);
    }
  }

  @Test
  void attributeNamesReservedByPubSubAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> bus.publish("generation-requests", new JsonObject(), Map.of("googclient_x", "1")));

    assertTrue(e.getMessage().contains("goog"), e.getMessage());
  }

  @Test
  void messageOverTenMegabytesIsRefused() {
    JsonObject big = new JsonObject();
    big.addProperty("text", "x".repeat(PubSubEventBus.MAX_MESSAGE_BYTES));

    assertThrows(IllegalArgumentException.class, () -> bus.publish("generation-requests", big, Map.of()));
  }

  @Test
  void projectAndEmulatorHostAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> PubSubEventBus.builder("Not A Project"));
    assertThrows(IllegalArgumentException.class, () -> PubSubEventBus.builder("cc-test").emulatorHost("http://x:1"));
  }

  @Test
  void subscriptionHasPubSubsDefaultsAndADeadLetterTopicOfItsOwn() {
    PubSubSubscription s = PubSubSubscription.builder("generation-requests", "fan-out").build();

    assertEquals(new PubSubSubscription("generation-requests", "generation-requests-fan-out", Duration.ofSeconds(10),
        Duration.ofSeconds(10), Duration.ofSeconds(600), 5, "generation-requests-dead-letter"), s);
  }

  @Test
  void subscriptionOutsidePubSubsLimitsIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> PubSubSubscription.builder("generation-requests", "fan-out").maxDeliveryAttempts(4).build());
    assertThrows(IllegalArgumentException.class,
        () -> PubSubSubscription.builder("generation-requests", "fan-out").ackDeadline(Duration.ofSeconds(601)).build());
    assertThrows(IllegalArgumentException.class, () -> PubSubSubscription.builder("generation-requests", "fan-out")
        .minBackoff(Duration.ofSeconds(20)).maxBackoff(Duration.ofSeconds(10)).build());
    assertThrows(IllegalArgumentException.class, () -> PubSubSubscription.builder("generation-requests", "fan-out")
        .deadLetterTopic("generation-requests").build());
  }
}
