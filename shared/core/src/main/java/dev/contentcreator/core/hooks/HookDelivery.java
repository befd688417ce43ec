package dev.contentcreator.core.hooks;

import java.time.Instant;
import java.util.List;

/**
 * One message to one hook, as stored in {@code hookdeliveries}: the exact body signed at every
 * attempt, where it stands ({@code pending} while attempts go on, then {@code succeeded} or
 * {@code failed}), and its attempts, newest last ({@value HookService#MAX_LOGGED_ATTEMPTS} kept).
 * {@code round} counts the times it was sent again by hand; the message id (webhook-id) stays the same.
 */
public record HookDelivery(
    String id,
    String hookId,
    String projectId,
    String eventId,
    String type,
    String body,
    String status,
    int round,
    int attemptCount,
    Integer lastStatusCode,
    String lastError,
    Instant lastAttemptAt,
    Instant nextAttemptAt,
    Instant createdAt,
    Instant updatedAt,
    List<Attempt> attempts) {

  public static final String PENDING = "pending";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  public HookDelivery {
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }

  /** The webhook-id of the message, the same at every attempt and every resend. */
  public String messageId() {
    return "msg_" + id;
  }

  /**
   * One try: when, which round and attempt, the HTTP status (null when none came), how long it
   * took, its outcome ({@code succeeded}, {@code retrying}, {@code failed}, {@code refused}), the
   * start of the answer's body ({@value HookService#EXCERPT_BYTES} bytes at most) and the error.
   */
  public record Attempt(Instant at, int round, int attempt, Integer statusCode, long durationMillis, String outcome,
      String responseExcerpt, String error) {}
}
