package dev.contentcreator.embedded.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class SubscriptionConfigTest {

  @Test
  void defaultsArePubSubDefaults() {
    SubscriptionConfig config = SubscriptionConfig.builder("generations", "fan-out").build();

    assertEquals(Duration.ofSeconds(10), config.ackDeadline());
    assertEquals(Duration.ofSeconds(10), config.minBackoff());
    assertEquals(Duration.ofSeconds(600), config.maxBackoff());
    assertEquals(5, config.maxDeliveryAttempts());
  }

  @Test
  void deadLetterTopicDefaultsToTheTopicWithADeadLetterSuffix() {
    assertEquals("generations-dead-letter",
        SubscriptionConfig.builder("generations", "fan-out").build().deadLetterTopic());
  }

  @Test
  void backoffDoublesFromTheMinimumUpToTheMaximum() {
    SubscriptionConfig config = SubscriptionConfig.builder("generations", "fan-out").build();

    assertEquals(List.of(10L, 20L, 40L, 80L, 160L, 320L, 600L, 600L),
        IntStream.rangeClosed(1, 8).mapToObj(a -> config.backoffAfter(a).toSeconds()).toList());
  }

  @Test
  void fewerThanFiveDeliveryAttemptsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SubscriptionConfig.builder("generations", "fan-out").maxDeliveryAttempts(4));

    assertTrue(e.getMessage().contains("5..100"), e.getMessage());
  }

  @Test
  void deadLetterTopicEqualToTheTopicIsRejected() {
    SubscriptionConfig.Builder builder = SubscriptionConfig.builder("generations", "fan-out")
        .deadLetterTopic("generations");

    assertThrows(IllegalArgumentException.class, builder::build);
  }

  @Test
  void topicNamePubSubWouldRefuseIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> SubscriptionConfig.builder("goog-topic", "fan-out"));
  }
}
