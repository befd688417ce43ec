package dev.contentcreator.core.generation;

import java.time.Duration;
import java.util.Objects;

/**
 * How one task queue retries and paces its tasks, in Cloud Tasks' terms: the local queue is
 * configured from it, and terraform/messaging.tf declares the same values (its test checks them).
 *
 * @param name the queue's name
 * @param maxAttempts tries of a task, -1 for no limit
 * @param minBackoff the wait before the first retry
 * @param maxBackoff the longest wait between retries
 * @param maxDoublings how often the wait doubles before it grows linearly
 * @param maxRetryDuration how long after the first attempt retries go on; zero for no limit
 * @param maxConcurrentDispatches tasks of the queue running at once
 * @param maxDispatchesPerSecond tasks started per second (Cloud Tasks only: the local queue is paced by its workers)
 * @param dispatchDeadline how long one attempt may run (Cloud Tasks' default for HTTP tasks)
 */
public record QueueSpec(String name, int maxAttempts, Duration minBackoff, Duration maxBackoff, int maxDoublings,
    Duration maxRetryDuration, int maxConcurrentDispatches, int maxDispatchesPerSecond, Duration dispatchDeadline) {

  public QueueSpec {
    Objects.requireNonNull(name, "name");
    if (maxAttempts < -1 || maxAttempts == 0) {
      throw new IllegalArgumentException("maxAttempts must be -1 (no limit) or at least 1, got: " + maxAttempts);
    }
    Objects.requireNonNull(minBackoff, "minBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
      throw new IllegalArgumentException("backoff must be positive with max >= min, got: " + minBackoff + ", " + maxBackoff);
    }
    if (maxDoublings < 0) {
      throw new IllegalArgumentException("maxDoublings must not be negative, got: " + maxDoublings);
    }
    Objects.requireNonNull(maxRetryDuration, "maxRetryDuration");
    if (maxRetryDuration.isNegative()) {
      throw new IllegalArgumentException("maxRetryDuration must not be negative, got: " + maxRetryDuration);
    }
    if (maxConcurrentDispatches < 1 || maxDispatchesPerSecond < 1) {
      throw new IllegalArgumentException("a queue dispatches at least one task at once and per second");
    }
    Objects.requireNonNull(dispatchDeadline, "dispatchDeadline");
  }
}
