package dev.contentcreator.core.generation;

import java.time.Duration;
import java.util.List;

/**
 * The generation pipeline's two task queues, specified once. Their limits come from the
 * settings (GENERATION_MAX_ATTEMPTS, GENERATION_MIN_BACKOFF, GENERATION_MAX_BACKOFF,
 * GENERATION_CONCURRENCY, GENERATION_POLL_INTERVAL, GENERATION_ASYNC_DEADLINE) and the constants
 * here. local/ configures its durable queue from {@link #all}; terraform/messaging.tf writes the
 * values of the default settings, which terraform/test checks against this class and the catalog,
 * and it hands the generation queue's max_attempts to the functions as GENERATION_MAX_ATTEMPTS, so
 * the item runner's idea of the last attempt is the queue's.
 */
public final class GenerationQueues {
  /**
   * How often the wait between tries of an item doubles: 0.1 s, 0.2 s, ... 25.6 s, then 25.6 s more
   * each time up to the cap. A 20% rate of passing failures costs about a tenth of a second per
   * failed try instead of a quarter, and the last items of a job, which fail most often in a row,
   * stop holding the job's end (bench/generation.sh); the eleven tries still span about 100 s.
   */
  public static final int ITEM_MAX_DOUBLINGS = 8;
  public static final int ITEM_MAX_DISPATCHES_PER_SECOND = 50;
  public static final int POLL_MAX_DOUBLINGS = 3;
  public static final int POLL_MAX_DISPATCHES_PER_SECOND = 20;
  /** A poll waits at most this many poll intervals. */
  public static final int POLL_MAX_BACKOFF_INTERVALS = 6;
  /** How long one attempt may run: Cloud Tasks' default for HTTP targets. */
  public static final Duration DISPATCH_DEADLINE = Duration.ofMinutes(10);

  private GenerationQueues() {}

  /** The generation queue: one task per item, tried GENERATION_MAX_ATTEMPTS times. */
  public static QueueSpec item(GenerationSettings s) {
    return new QueueSpec(GenerationSettings.QUEUE, s.itemMaxAttempts(), s.itemMinBackoff(), s.itemMaxBackoff(),
        ITEM_MAX_DOUBLINGS, Duration.ZERO, s.itemMaxConcurrent(), ITEM_MAX_DISPATCHES_PER_SECOND, DISPATCH_DEADLINE);
  }

  /**
   * The polling queue: polls of provider tasks no webhook finished, without a count limit, for the
   * async deadline and one longest wait more, so the poll that finds the deadline passed (and fails
   * the item) always runs before the queue gives up.
   */
  public static QueueSpec poll(GenerationSettings s) {
    Duration maxBackoff = s.pollInterval().multipliedBy(POLL_MAX_BACKOFF_INTERVALS);
    return new QueueSpec(GenerationSettings.POLL_QUEUE, -1, s.pollInterval(), maxBackoff, POLL_MAX_DOUBLINGS,
        s.asyncDeadline().plus(maxBackoff), s.itemMaxConcurrent(), POLL_MAX_DISPATCHES_PER_SECOND, DISPATCH_DEADLINE);
  }

  public static List<QueueSpec> all(GenerationSettings s) {
    return List.of(item(s), poll(s));
  }
}
