package dev.contentcreator.core.ports;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs the tasks of one handler name. Returning normally ends the task; throwing makes the queue
 * retry it by its retry configuration ({@link RetryLaterException} asks for a later retry than
 * the backoff would give, as a 429/503 with Retry-After does for Cloud Tasks). A handler must be
 * idempotent: a task may run more than once.
 */
@FunctionalInterface
public interface TaskHandler {

  void handle(Context context, JsonObject payload) throws Exception;

  /** What the queue knows of this run: the task's name, its attempt (1 = first) and first try. */
  record Context(String queue, String taskName, int attempt, Instant firstAttemptAt) {}

  /** Thrown by a handler to be retried no sooner than {@code after}. */
  final class RetryLaterException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Duration after;

    public RetryLaterException(String message, Duration after) {
      super(message);
      this.after = after;
    }

    public Duration after() {
      return after;
    }
  }
}
