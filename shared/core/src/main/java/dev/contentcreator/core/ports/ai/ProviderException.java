package dev.contentcreator.core.ports.ai;

import java.time.Duration;
import java.util.Objects;

/**
 * A provider call that did not give a result, classified so callers know whether to retry.
 * {@link #userMessage()} is written for the person who asked, never with a key or a raw body.
 */
public final class ProviderException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the call failed, and so what to do about it. */
  public enum Kind {
    /** Worth retrying soon: 408, 409, 5xx, a dropped connection, a malformed answer. */
    TRANSIENT(true),
    /** Worth retrying after {@link #retryAfter()}: 429 rate limit, 503 overloaded. */
    RATE_LIMITED(true),
    /** The call took longer than its timeout; worth retrying. */
    TIMEOUT(true),
    /** Never worth retrying: 400, 401, 403, 404, an unknown model. */
    PERMANENT(false),
    /** The account has no credit left (OpenAI 429 insufficient_quota): not retried. */
    QUOTA_EXCEEDED(false),
    /** The provider refused the content (moderation): not retried. */
    REFUSED(false);

    private final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }

  private final Kind kind;
  private final String provider;
  private final transient Duration retryAfter;
  private final int httpStatus;
  private final String userMessage;

  public ProviderException(Kind kind, String provider, String message, String userMessage, int httpStatus,
      Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.userMessage = Objects.requireNonNull(userMessage, "userMessage");
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  public Kind kind() { return kind; }
  public String provider() { return provider; }
  /** The wait the provider asked for, or null. */
  public Duration retryAfter() { return retryAfter; }
  /** The provider's HTTP status, or 0 when there was no answer. */
  public int httpStatus() { return httpStatus; }
  public String userMessage() { return userMessage; }
  public boolean retryable() { return kind.retryable(); }
}
