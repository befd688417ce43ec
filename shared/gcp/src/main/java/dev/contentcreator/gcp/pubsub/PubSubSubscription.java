package dev.contentcreator.gcp.pubsub;

import java.time.Duration;
import java.util.Objects;

/**
 * One pull subscription the process runs itself (the local server against the emulator, or a
 * worker): the topic, the subscription's id, its ack deadline, retry backoff and dead-letter policy,
 * within Pub/Sub's limits. In production the push subscriptions to functions are made in Terraform;
 * this is for processes that pull. Build one with {@link #builder(String, String)}.
 *
 * @param topic the topic subscribed to
 * @param subscription the subscription's id in the project
 * @param ackDeadline how long one delivery may run before Pub/Sub delivers it again (10 s to 600 s)
 * @param minBackoff the wait before redelivering a message that failed (0 to 600 s; default 10 s)
 * @param maxBackoff the longest such wait (0 to 600 s; default 600 s)
 * @param maxDeliveryAttempts deliveries before the message goes to the dead-letter topic (5 to 100)
 * @param deadLetterTopic where undeliverable messages go (default {@code <topic>-dead-letter})
 */
public record PubSubSubscription(String topic, String subscription, Duration ackDeadline, Duration minBackoff,
    Duration maxBackoff, int maxDeliveryAttempts, String deadLetterTopic) {
  private static final Duration LIMIT = Duration.ofSeconds(600);

  /** Checks every field against Pub/Sub's limits. */
  public PubSubSubscription {
    requireName("topic", topic);
    requireName("subscription", subscription);
    requireName("deadLetterTopic", deadLetterTopic);
    if (deadLetterTopic.equals(topic)) {
      throw new IllegalArgumentException("the dead-letter topic must differ from the topic " + topic);
    }
    Objects.requireNonNull(ackDeadline, "ackDeadline");
    if (ackDeadline.compareTo(Duration.ofSeconds(10)) < 0 || ackDeadline.compareTo(LIMIT) > 0) {
      throw new IllegalArgumentException("ackDeadline must be within 10..600 s, got: " + ackDeadline);
    }
    requireBackoff("minBackoff", minBackoff);
    requireBackoff("maxBackoff", maxBackoff);
    if (maxBackoff.compareTo(minBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be less than minBackoff ("
          + minBackoff + ")");
    }
    if (maxDeliveryAttempts < 5 || maxDeliveryAttempts > 100) {
      throw new IllegalArgumentException("maxDeliveryAttempts must be within 5..100, got: " + maxDeliveryAttempts);
    }
  }

  /** A builder for subscription {@code <topic>-<handlerName>} with Pub/Sub's defaults. */
  public static Builder builder(String topic, String handlerName) {
    return new Builder(topic, handlerName);
  }

  /**
   * Checks a topic or subscription id as Pub/Sub does: 3 to 255 letters, digits or {@code - _ . ~ +
   * %}, starting with a letter and not with {@code goog}.
   */
  static String requireName(String what, String name) {
    Objects.requireNonNull(name, what);
    if (!name.matches("[A-Za-z][A-Za-z0-9._~+%-]{2,254}") || name.startsWith("goog")) {
      throw new IllegalArgumentException("a " + what + " is 3 to 255 letters, digits or . _ ~ + % -, starts with a"
          + " letter and not with goog, got: " + name);
    }
    return name;
  }

  private static void requireBackoff(String name, Duration backoff) {
    Objects.requireNonNull(backoff, name);
    if (backoff.isNegative() || backoff.compareTo(LIMIT) > 0) {
      throw new IllegalArgumentException(name + " must be within 0..600 s, got: " + backoff);
    }
  }

  /** Builds a {@link PubSubSubscription}; each setter keeps its value for {@link #build()} to check. */
  public static final class Builder {
    private final String topic;
    private String subscription;
    private Duration ackDeadline = Duration.ofSeconds(10);
    private Duration minBackoff = Duration.ofSeconds(10);
    private Duration maxBackoff = LIMIT;
    private int maxDeliveryAttempts = 5;
    private String deadLetterTopic;

    private Builder(String topic, String handlerName) {
      this.topic = requireName("topic", topic);
      Objects.requireNonNull(handlerName, "handlerName");
      this.subscription = requireName("subscription", topic + "-" + handlerName);
    }

    public Builder subscription(String id) {
      this.subscription = requireName("subscription", id);
      return this;
    }

    public Builder ackDeadline(Duration deadline) {
      this.ackDeadline = Objects.requireNonNull(deadline, "ackDeadline");
      return this;
    }

    public Builder minBackoff(Duration backoff) {
      this.minBackoff = Objects.requireNonNull(backoff, "minBackoff");
      return this;
    }

    public Builder maxBackoff(Duration backoff) {
      this.maxBackoff = Objects.requireNonNull(backoff, "maxBackoff");
      return this;
    }

    public Builder maxDeliveryAttempts(int attempts) {
      this.maxDeliveryAttempts = attempts;
      return this;
    }

    public Builder deadLetterTopic(String topic) {
      this.deadLetterTopic = requireName("deadLetterTopic", topic);
      return this;
    }

    public PubSubSubscription build() {
      return new PubSubSubscription(topic, subscription, ackDeadline, minBackoff, maxBackoff, maxDeliveryAttempts,
          deadLetterTopic != null ? deadLetterTopic : topic + "-dead-letter");
    }
  }
}
