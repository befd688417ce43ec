package dev.contentcreator.core.net;

import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderException.Kind;

/**
 * The address may not be fetched: a scheme other than https, a host off the allowlist, a host that
 * is or resolves to a non-public address, or an address that cannot be read. Nothing was connected
 * to. Maps to 422 and to a permanent provider failure.
 */
public final class RefusedAddressException extends FetchException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  /**
   * @param reason why, fit to show a person (no resolved address in it)
   * @param detail extra detail for logs only, or null
   */
  public RefusedAddressException(String url, String reason, String detail) {
    super(url, "refused " + url + ": " + reason + (detail == null ? "" : " (" + detail + ")"), null);
    this.reason = reason;
  }

  /** Why, fit to show a person. */
  public String reason() {
    return reason;
  }

  @Override
  public ApiException toApiException() {
    return ApiException.unprocessable("url", "This address is not allowed: " + reason);
  }

  @Override
  public ProviderException toProviderException(String provider) {
    return new ProviderException(Kind.PERMANENT, provider, getMessage(),
        "The provider gave a media address that is not allowed: " + reason + ".", 0, null, this);
  }
}
