package dev.contentcreator.media;

import dev.contentcreator.core.http.ApiException;
import java.util.Objects;

/**
 * Media refused before or while it was read. Each {@link Reason} has the HTTP status the gateway
 * answers with; {@link #toApiException()} makes the problem+json answer.
 */
public final class MediaRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the media was refused, with its HTTP status and problem type. */
  public enum Reason {
    /** More bytes than the limit for its kind. */
    TOO_LARGE(413, "media-too-large", "The file is too large"),
    /** The header declares more pixels, or a longer side, than the limits allow (a decompression bomb). */
    TOO_MANY_PIXELS(413, "image-too-large", "The image has too many pixels"),
    /** The bytes are not one of the accepted formats, whatever the name or Content-Type said. */
    UNSUPPORTED_TYPE(415, "unsupported-media-type", "This media type is not accepted"),
    /** The bytes start like an accepted format but are truncated or corrupt. */
    UNREADABLE(422, "unreadable-media", "The file cannot be read");

    private final int status;
    private final String type;
    private final String title;

    Reason(int status, String type, String title) {
      this.status = status;
      this.type = type;
      this.title = title;
    }

    public int status() { return status; }
    public String type() { return type; }
    public String title() { return title; }
  }

  private final Reason reason;

  public MediaRejectedException(Reason reason, String detail) {
    this(reason, detail, null);
  }

  public MediaRejectedException(Reason reason, String detail, Throwable cause) {
    super(Objects.requireNonNull(detail, "detail"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() { return reason; }

  /** The HTTP status this refusal answers with: 413, 415 or 422. */
  public int status() { return reason.status(); }

  /** The gateway's problem+json answer for this refusal. */
  public ApiException toApiException() {
    return ApiException.of(reason.status(), reason.type(), reason.title(), getMessage());
  }
}
