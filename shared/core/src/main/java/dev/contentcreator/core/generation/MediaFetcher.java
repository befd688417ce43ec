package dev.contentcreator.core.generation;

import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Copies a provider's output from its address at once, since those addresses expire: https only,
 * no redirects to elsewhere, a size cap and a time cap. A failure is transient (the item retries).
 */
public final class MediaFetcher {
  private final HttpClient http;
  private final long maxBytes;
  private final Duration timeout;
  private final boolean allowPlainHttp;

  public MediaFetcher(long maxBytes, Duration timeout, boolean allowPlainHttp) {
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    this.allowPlainHttp = allowPlainHttp;
  }

  /** The bytes and their content type. */
  public record Fetched(byte[] bytes, String contentType) {}

  public Fetched fetch(String provider, String url) throws ProviderException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ProviderException(Kind.PERMANENT, provider, "bad media address", "The provider gave a bad media address.",
          0, null, e);
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) && !(allowPlainHttp && "http".equalsIgnoreCase(uri.getScheme()))) {
      throw new ProviderException(Kind.PERMANENT, provider, "media address is not https",
          "The provider gave a media address that is not https.", 0, null, null);
    }
    try {
      HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        if (r.statusCode() != 200) {
          boolean gone = r.statusCode() == 404 || r.statusCode() == 410;
          throw new ProviderException(gone ? Kind.PERMANENT : Kind.TRANSIENT, provider,
              "media fetch answered " + r.statusCode(),
              gone ? "The provider's media is no longer there." : "Could not copy the provider's media yet.",
              r.statusCode(), null, null);
        }
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
          throw new ProviderException(Kind.PERMANENT, provider, "media larger than " + maxBytes,
              "The provider's media is larger than allowed.", 0, null, null);
        }
        return new Fetched(bytes, r.headers().firstValue("Content-Type").orElse("application/octet-stream"));
      }
    } catch (IOException e) {
      throw new ProviderException(Kind.TRANSIENT, provider, "media fetch failed: " + e, "Could not copy the "
          + "provider's media yet.", 0, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(Kind.TRANSIENT, provider, "interrupted", "Interrupted.", 0, null, e);
    }
  }
}
