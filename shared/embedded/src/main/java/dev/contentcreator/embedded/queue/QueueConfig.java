package dev.contentcreator.embedded.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * The retry and dispatch settings of one task queue, as Cloud Tasks' {@code RetryConfig} and
 * {@code RateLimits} define them. Build one with {@link #builder(String)}; every field has Cloud
 * Tasks' default.
 *
 * @param queue the queue's name
 * @param maxAttempts attempts per task, counting the first; -1 for unlimited (default 100)
 * @param minBackoff the wait after the first failure (default 0.1 s)
 * @param maxBackoff the longest wait between attempts (default 3600 s)
 * @param maxDoublings how many times the wait doubles before it grows linearly (default 16)
 * @param maxRetryDuration how long after the first attempt retries may go on; zero for no limit
 *     (default zero)
 * @param maxConcurrentDispatches how many tasks of the queue run at once (default 1000)
 * @param dispatchDeadline how long one attempt may run before it counts as failed (default 10 min)
 */
public record QueueConfig(String queue, int maxAttempts, Duration minBackoff, Duration maxBackoff, int maxDoublings,
    Duration maxRetryDuration, int maxConcurrentDispatches, Duration dispatchDeadline) {

  /** Checks every field, so a config that Cloud Tasks would refuse is refused here too. */
  public QueueConfig {
    Objects.requireNonNull(queue, "queue");
    if (!queue.matches("[a-z][a-z0-9-]{0,62}")) {
      throw new IllegalArgumentException("a queue name is lower-case letters, digits and -, got: " + queue);
    }
    if (maxAttempts < -1 || maxAttempts == 0) {
      throw new IllegalArgumentException("maxAttempts must be -1 (unlimited) or at least 1, got: " + maxAttempts);
    }
    requirePositive("minBackoff", minBackoff);
    requirePositive("maxBackoff", maxBackoff);
    if (maxBackoff.compareTo(minBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be less than minBackoff ("
          + minBackoff + ")");
    }
    if (maxDoublings < 0) {
      throw new IllegalArgumentException("maxDoublings must not be negative, got: " + maxDoublings);
    }
    Objects.requireNonNull(maxRetryDuration, "maxRetryDuration");
    if (maxRetryDuration.isNegative()) {
      throw new IllegalArgumentException("maxRetryDuration must not be negative, got: " + maxRetryDuration);
    }
    if (maxConcurrentDispatches < 1) {
      throw new IllegalArgumentException("maxConcurrentDispatches must be at least 1, got: " + maxConcurrentDispatches);
    }
    requirePositive("dispatchDeadline", dispatchDeadline);
  }

  /** A builder for {@code queue} that starts from Cloud Tasks' defaults. */
  public static Builder builder(String queue) {
    return new Builder(queue);
  }

  /** The settings of {@code queue} when nobody configured it: Cloud Tasks' defaults. */
  public static QueueConfig defaults(String queue) {
    return builder(queue).build();
  }

  /**
   * The wait before the next attempt after attempt {@code attempt} (1 = the first) failed: it starts
   * at {@code minBackoff}, doubles {@code maxDoublings} times, then grows by the last doubled
   * step each time, and never exceeds {@code maxBackoff}. With 10 s, 300 s and 3 doublings the
   * waits are 10, 20, 40, 80, 160, 240, 300, 300... seconds.
   */
  public Duration backoffAfter(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt counts from 1, got: " + attempt);
    }
    int retry = attempt - 1;
    long minNanos = minBackoff.toNanos();
    long maxNanos = maxBackoff.toNanos();
    int doublings = Math.min(retry, maxDoublings);
    if (doublings >= 62 || minNanos > (maxNanos >> doublings)) {
      return maxBackoff;
    }
    long doubled = minNanos << doublings;
    long linearSteps = retry - doublings;
    if (linearSteps > 0 && doubled > 0 && linearSteps > (maxNanos - doubled) / doubled) {
      return maxBackoff;
    }
    long wait = doubled + linearSteps * doubled;
    return Duration.ofNanos(Math.min(wait, maxNanos));
  }

  /**
   * Whether the queue stops after {@code attempts} failed attempts, the first of which began
   * {@code sinceFirstAttempt} ago. As Cloud Tasks does, it stops only when both limits are
   * reached; a limit that is off (-1 attempts, zero duration) counts as reached when the other is
   * set, and with both off the task is retried forever.
   */
  public boolean givesUpAfter(int attempts, Duration sinceFirstAttempt) {
    boolean unlimitedAttempts = maxAttempts == -1;
    boolean unlimitedDuration = maxRetryDuration.isZero();
    if (unlimitedAttempts && unlimitedDuration) {
      return false;
    }
    boolean attemptsSpent = unlimitedAttempts || attempts >= maxAttempts;
    boolean durationSpent = unlimitedDuration || sinceFirstAttempt.compareTo(maxRetryDuration) >= 0;
    return attemptsSpent && durationSpent;
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got: " + value);
    }
  }

  /** Builds a {@link QueueConfig}; each setter checks its argument at once. */
  public static final class Builder {
    private final String queue;
    private int maxAttempts = 100;
    private Duration minBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(3600);
    private int maxDoublings = 16;
    private Duration maxRetryDuration = Duration.ZERO;
    private int maxConcurrentDispatches = 1000;
    private Duration dispatchDeadline = Duration.ofMinutes(10);

    private Builder(String queue) {
      this.queue = Objects.requireNonNull(queue, "queue");
    }

    /** Attempts per task counting the first, or -1 for unlimited. */
    public Builder maxAttempts(int attempts) {
      if (attempts < -1 || attempts == 0) {
        throw new IllegalArgumentException("maxAttempts must be -1 (unlimited) or at least 1, got: " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    public Builder minBackoff(Duration backoff) {
      requirePositive("minBackoff", backoff);
      this.minBackoff = backoff;
      return this;
    }

    public Builder maxBackoff(Duration backoff) {
      requirePositive("maxBackoff", backoff);
      this.maxBackoff = backoff;
      return this;
    }

    public Builder maxDoublings(int doublings) {
      if (doublings < 0) {
        throw new IllegalArgumentException("maxDoublings must not be negative, got: " + doublings);
      }
      this.maxDoublings = doublings;
      return this;
    }

    /** How long retries may go on after the first attempt; zero for no limit. */
    public Builder maxRetryDuration(Duration duration) {
      Objects.requireNonNull(duration, "maxRetryDuration");
      if (duration.isNegative()) {
        throw new IllegalArgumentException("maxRetryDuration must not be negative, got: " + duration);
      }
      this.maxRetryDuration = duration;
      return this;
    }

    public Builder maxConcurrentDispatches(int dispatches) {
      if (dispatches < 1) {
        throw new IllegalArgumentException("maxConcurrentDispatches must be at least 1, got: " + dispatches);
      }
      this.maxConcurrentDispatches = dispatches;
      return this;
    }

    public Builder dispatchDeadline(Duration deadline) {
      requirePositive("dispatchDeadline", deadline);
      this.dispatchDeadline = deadline;
      return this;
    }

    /** The config; fails if {@code maxBackoff} is below {@code minBackoff}. */
    public QueueConfig build() {
      return new QueueConfig(queue, maxAttempts, minBackoff, maxBackoff, maxDoublings, maxRetryDuration,
          maxConcurrentDispatches, dispatchDeadline);
    }
  }
}
