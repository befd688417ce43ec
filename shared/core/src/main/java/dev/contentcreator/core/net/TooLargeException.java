package dev.contentcreator.core.net;

import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderException.Kind;

/**
 * The body is larger than the cap: declared so by Content-Length (nothing read), or found so while
 * reading. Maps to 413 and to a permanent provider failure.
 */
public final class TooLargeException extends FetchException {
  private static final long serialVersionUID = 1L;

  private final long limit;
  private final boolean declared;

  public TooLargeException(String url, long limit, boolean declared) {
    super(url, (declared ? "declared body" : "body") + " of " + url + " is larger than " + limit + " bytes", null);
    this.limit = limit;
    this.declared = declared;
  }

  public long limit() {
    return limit;
  }

  /** True when Content-Length said so before any of the body was read. */
  public boolean declared() {
    return declared;
  }

  @Override
  public ApiException toApiException() {
    return ApiException.of(413, "payload-too-large", "The media is too large",
        "The media at this address is larger than " + limit + " bytes.");
  }

  @Override
  public ProviderException toProviderException(String provider) {
    return new ProviderException(Kind.PERMANENT, provider, getMessage(),
        "The provider's media is larger than allowed.", 0, null, this);
  }
}
