package dev.contentcreator.ai.guard;

import java.time.Duration;

/**
 * What a guard tells about its work, for logs and metrics. Called on the guard's threads; a listener
 * must be quick and must not throw.
 */
public interface GuardListener {
  GuardListener NONE = new GuardListener() { };

  /**
   * A failed attempt will be retried after {@code delay}. {@code failedAttempts} counts the attempts
   * made so far; {@code failure} is the attempt's failure.
   */
  default void retryScheduled(String provider, int failedAttempts, Duration delay, Throwable failure) { }

  /** The provider's circuit moved from one state to another. */
  default void circuitChanged(String provider, CircuitState from, CircuitState to) { }
}
