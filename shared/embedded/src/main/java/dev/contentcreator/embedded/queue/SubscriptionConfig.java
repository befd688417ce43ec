package dev.contentcreator.embedded.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * One push subscription to a topic, as Pub/Sub defines it: its handler, how long a delivery may
 * take before it counts as failed, the retry backoff, and the dead-letter policy. Build one with
 * {@link #builder(String, String)}.
 *
 * @param topic the topic subscribed to
 * @param handlerName names the subscription within the topic (one handler per subscription)
 * @param ackDeadline how long one delivery may run before it counts as failed (default 10 s, at most 600 s)
 * @param minBackoff the wait after the first failed delivery (default 10 s)
 * @param maxBackoff the longest wait between deliveries (default 600 s, at most 600 s)
 * @param maxDeliveryAttempts deliveries before the message goes to the dead-letter topic (default 5, 5 to 100)
 * @param deadLetterTopic where undeliverable messages go (default {@code <topic>-dead-letter})
 */
public record SubscriptionConfig(String topic, String handlerName, Duration ackDeadline, Duration minBackoff,
    Duration maxBackoff, int maxDeliveryAttempts, String deadLetterTopic) {
  private static final Duration PUBSUB_LIMIT = Duration.ofSeconds(600);

  /** Checks every field against Pub/Sub's limits. */
  public SubscriptionConfig {
    requireTopic("topic", topic);
    requireHandler(handlerName);
    requireAckDeadline(ackDeadline);
    requireBackoff("minBackoff", minBackoff);
    requireBackoff("maxBackoff", maxBackoff);
    if (maxBackoff.compareTo(minBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be less than minBackoff ("
          + minBackoff + ")");
    }
    requireDeliveryAttempts(maxDeliveryAttempts);
    requireTopic("deadLetterTopic", deadLetterTopic);
    if (deadLetterTopic.equals(topic)) {
      throw new IllegalArgumentException("the dead-letter topic must differ from the topic " + topic);
    }
  }

  /** A builder for the subscription of {@code handlerName} to {@code topic}, with Pub/Sub's defaults. */
  public static Builder builder(String topic, String handlerName) {
    return new Builder(topic, handlerName);
  }

  /** The wait before the next delivery after delivery {@code attempt} (1 = the first) failed: doubling, capped. */
  public Duration backoffAfter(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt counts from 1, got: " + attempt);
    }
    long minNanos = minBackoff.toNanos();
    long maxNanos = maxBackoff.toNanos();
    int doublings = attempt - 1;
    if (doublings >= 62 || minNanos > (maxNanos >> doublings)) {
      return maxBackoff;
    }
    return Duration.ofNanos(minNanos << doublings);
  }

  static void requireTopic(String what, String topic) {
    Objects.requireNonNull(topic, what);
    if (!topic.matches("[A-Za-z][A-Za-z0-9._~+%-]{2,254}") || topic.startsWith("goog")) {
      throw new IllegalArgumentException("a " + what + " is 3 to 255 letters, digits or . _ ~ + % -, starts with a"
          + " letter and not with goog, got: " + topic);
    }
  }

  private static void requireHandler(String handler) {
    Objects.requireNonNull(handler, "handlerName");
    if (!handler.matches("[A-Za-z0-9_.-]{1,100}")) {
      throw new IllegalArgumentException("a handler name is 1 to 100 letters, digits, . _ or -, got: " + handler);
    }
  }

  private static void requireAckDeadline(Duration deadline) {
    Objects.requireNonNull(deadline, "ackDeadline");
    if (deadline.isNegative() || deadline.isZero() || deadline.compareTo(PUBSUB_LIMIT) > 0) {
      throw new IllegalArgumentException("ackDeadline must be positive and at most 600 s, got: " + deadline);
    }
  }

  private static void requireBackoff(String name, Duration backoff) {
    Objects.requireNonNull(backoff, name);
    if (backoff.isNegative() || backoff.compareTo(PUBSUB_LIMIT) > 0) {
      throw new IllegalArgumentException(name + " must be within 0..600 s, got: " + backoff);
    }
  }

  private static void requireDeliveryAttempts(int attempts) {
    if (attempts < 5 || attempts > 100) {
      throw new IllegalArgumentException("maxDeliveryAttempts must be within 5..100 (Pub/Sub's range), got: "
          + attempts);
    }
  }

  /** Builds a {@link SubscriptionConfig}; each setter checks its argument at once. */
  public static final class Builder {
    private final String topic;
    private final String handlerName;
    private Duration ackDeadline = Duration.ofSeconds(10);
    private Duration minBackoff = Duration.ofSeconds(10);
    private Duration maxBackoff = PUBSUB_LIMIT;
    private int maxDeliveryAttempts = 5;
    private String deadLetterTopic;

    private Builder(String topic, String handlerName) {
      requireTopic("topic", topic);
      requireHandler(handlerName);
      this.topic = topic;
      this.handlerName = handlerName;
    }

    public Builder ackDeadline(Duration deadline) {
      requireAckDeadline(deadline);
      this.ackDeadline = deadline;
      return this;
    }

    public Builder minBackoff(Duration backoff) {
      requireBackoff("minBackoff", backoff);
      this.minBackoff = backoff;
      return this;
    }

    public Builder maxBackoff(Duration backoff) {
      requireBackoff("maxBackoff", backoff);
      this.maxBackoff = backoff;
      return this;
    }

    public Builder maxDeliveryAttempts(int attempts) {
      requireDeliveryAttempts(attempts);
      this.maxDeliveryAttempts = attempts;
      return this;
    }

    public Builder deadLetterTopic(String deadLetter) {
      requireTopic("deadLetterTopic", deadLetter);
      this.deadLetterTopic = deadLetter;
      return this;
    }

    /** The config; fails if {@code maxBackoff} is below {@code minBackoff}. */
    public SubscriptionConfig build() {
      String deadLetter = deadLetterTopic != null ? deadLetterTopic : topic + "-dead-letter";
      return new SubscriptionConfig(topic, handlerName, ackDeadline, minBackoff, maxBackoff, maxDeliveryAttempts,
          deadLetter);
    }
  }
}
