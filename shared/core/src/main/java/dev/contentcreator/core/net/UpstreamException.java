package dev.contentcreator.core.net;

import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderException.Kind;
import java.util.Objects;

/**
 * The media host was allowed but did not deliver: an answer other than 2xx, no connection, the time
 * cap, a broken answer or too many redirects. Maps to 504 for a timeout and 502 otherwise.
 */
public final class UpstreamException extends FetchException {
  private static final long serialVersionUID = 1L;

  /** What went wrong with the host. */
  public enum Reason {
    /** It answered with a status other than 2xx or a followed redirect; see {@link #status()}. */
    STATUS,
    /** Its name did not resolve, or no connection or TLS handshake could be made. */
    UNREACHABLE,
    /** The whole fetch took longer than the time cap. */
    TIMEOUT,
    /** The answer broke HTTP/1.1 (a bad status line or header, a body cut short). */
    MALFORMED,
    /** More redirects than allowed. */
    TOO_MANY_REDIRECTS
  }

  private final Reason reason;
  private final int status;

  /** @param status the host's HTTP status for {@link Reason#STATUS}, else 0 */
  public UpstreamException(String url, Reason reason, int status, String message, Throwable cause) {
    super(url, message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.status = status;
  }

  public Reason reason() {
    return reason;
  }

  /** The host's HTTP status, or 0 when it gave none. */
  public int status() {
    return status;
  }

  @Override
  public ApiException toApiException() {
    if (reason == Reason.TIMEOUT) {
      return ApiException.of(504, "upstream-timeout", "The media host did not answer in time",
          "The media at this address could not be fetched in time.");
    }
    String detail = switch (reason) {
      case STATUS -> "The media host answered " + status + ".";
      case TOO_MANY_REDIRECTS -> "The media address redirects too many times.";
      case MALFORMED -> "The media host gave a broken answer.";
      default -> "The media host could not be reached.";
    };
    return ApiException.of(502, "upstream-failed", "The media could not be fetched", detail);
  }

  @Override
  public ProviderException toProviderException(String provider) {
    Kind kind = switch (reason) {
      case TIMEOUT -> Kind.TIMEOUT;
      case TOO_MANY_REDIRECTS -> Kind.PERMANENT;
      case STATUS -> status == 429 ? Kind.RATE_LIMITED
          : status == 408 || status >= 500 ? Kind.TRANSIENT : Kind.PERMANENT;
      default -> Kind.TRANSIENT;
    };
    String userMessage = kind == Kind.PERMANENT && (status == 404 || status == 410)
        ? "The provider's media is no longer there."
        : kind.retryable() ? "Could not copy the provider's media yet." : "Could not copy the provider's media.";
    return new ProviderException(kind, provider, getMessage(), userMessage, status, null, this);
  }
}
