package dev.contentcreator.core.net;

import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.ports.ai.ProviderException;
import java.util.Objects;

/**
 * Media could not be fetched by {@link SafeFetcher}. Each subclass says why, and maps itself to an
 * HTTP problem (for a person's link) and to a {@link ProviderException} (for a provider's output).
 * Messages name the address without its query, which often holds a signature.
 */
public abstract sealed class FetchException extends Exception
    permits RefusedAddressException, TooLargeException, UpstreamException {
  private static final long serialVersionUID = 1L;

  private final String url;

  FetchException(String url, String message, Throwable cause) {
    super(message, cause);
    this.url = Objects.requireNonNull(url, "url");
  }

  /** The address concerned, without query or fragment. */
  public String url() {
    return url;
  }

  /** The problem to answer a person with. */
  public abstract ApiException toApiException();

  /** The failure of a provider's output, classified for the task queue. */
  public abstract ProviderException toProviderException(String provider);
}
