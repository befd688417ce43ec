package dev.contentcreator.core.net;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.net.UpstreamException.Reason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Fetches media by URL (a provider's output, a person's link) without letting the URL reach inside
 * the network. For every hop, the first and each redirect:
 * <ol>
 *   <li>the scheme must be {@code https} (plain {@code http} only with {@link Builder#withPlainHttpToLoopback},
 *       and then only to loopback addresses, for local fakes);
 *   <li>the host must be on the {@link HostAllowlist}, whatever the scheme (a host written as an
 *       address is first checked by {@link AddressPolicy}; a metadata server's name is refused even
 *       when listed);
 *   <li>the host is resolved once, by the injected {@link HostResolver}, and every address it
 *       resolves to must pass {@link AddressPolicy}, or the hop is refused;
 *   <li>the {@link Connector} is handed one of those vetted addresses, never the name, so a DNS answer
 *       that changes between check and connect (rebinding) cannot redirect the connection.
 * </ol>
 *
 * <p>Why a small HTTP/1.1 client of its own: {@code java.net.http.HttpClient} and
 * {@code HttpsURLConnection} both resolve the host name themselves, so the address checked would
 * not be the address connected to. Here the socket is connected to the vetted address and TLS is
 * layered on it with SNI and certificate checking for the host name ({@link Connector#standard()}),
 * while the request carries the original Host header. Only what fetching media needs is spoken:
 * one GET, {@code Connection: close}, Content-Length, chunked or read-to-close bodies.
 *
 * <p>Limits: at most {@link Builder#withMaxRedirects} redirects (each hop vetted again), a byte cap
 * checked against Content-Length before reading and counted while reading, a connect timeout per
 * connection and a time cap on the whole fetch (every read waits only until it). Thread-safe.
 */
public final class SafeFetcher {
  /** Names of cloud metadata servers, refused whatever the allowlist says (they resolve to link-local). */
  private static final java.util.Set<String> METADATA_HOSTS =
      java.util.Set.of("metadata.google.internal", "metadata", "metadata.goog");
  private final HostAllowlist allowlist;
  private final HostResolver resolver;
  private final Connector connector;
  private final long maxBytes;
  private final Duration connectTimeout;
  private final Duration totalTimeout;
  private final int maxRedirects;
  private final boolean plainHttpToLoopback;

  private SafeFetcher(Builder b) {
    this.allowlist = b.allowlist;
    this.resolver = b.resolver;
    this.connector = b.connector;
    this.maxBytes = b.maxBytes;
    this.connectTimeout = b.connectTimeout;
    this.totalTimeout = b.totalTimeout;
    this.maxRedirects = b.maxRedirects;
    this.plainHttpToLoopback = b.plainHttpToLoopback;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with the settings read: {@code MEDIA_HOST_ALLOWLIST} (comma-separated hosts and
   * {@code *.suffix} wildcards, default {@link HostAllowlist#DEFAULT}), {@code MEDIA_FETCH_MAX_BYTES}
   * (200 MiB), {@code MEDIA_FETCH_CONNECT_TIMEOUT} (10s), {@code MEDIA_FETCH_TIMEOUT} (60s, the whole
   * fetch), {@code MEDIA_FETCH_MAX_REDIRECTS} (3) and {@code MEDIA_ALLOW_HTTP_LOOPBACK} (false; for
   * tests against a local fake only). The system resolver and {@link Connector#standard()}.
   */
  public static Builder builder(Config config) {
    return new Builder()
        .withAllowlist(HostAllowlist.parse(config.get(Settings.MEDIA_HOST_ALLOWLIST)))
        .withMaxBytes(config.get(Settings.MEDIA_FETCH_MAX_BYTES))
        .withConnectTimeout(config.get(Settings.MEDIA_FETCH_CONNECT_TIMEOUT))
        .withTotalTimeout(config.get(Settings.MEDIA_FETCH_TIMEOUT))
        .withMaxRedirects(config.get(Settings.MEDIA_FETCH_MAX_REDIRECTS))
        .withPlainHttpToLoopback(config.get(Settings.MEDIA_ALLOW_HTTP_LOOPBACK));
  }

  /**
   * Fetches the bytes at {@code url}, following redirects.
   *
   * @throws RefusedAddressException when a hop is not allowed; nothing was connected to for it
   * @throws TooLargeException when the body passes the byte cap
   * @throws UpstreamException when the host fails, is too slow, or redirects too often
   */
  public FetchedMedia fetch(String url) throws FetchException {
    Objects.requireNonNull(url, "url");
    long deadline = System.nanoTime() + totalTimeout.toNanos();
    URI current = parse(url);
    for (int redirects = 0; ; redirects++) {
      Hop hop = vet(current);
      String location;
      try (Socket socket = open(hop, deadline)) {
        Http1Response response = Http1Response.exchange(socket, hop.hostHeader(), hop.target(), deadline, hop.shown);
        if (isRedirect(response.status)) {
          location = response.header("location");
          if (location == null) {
            throw new UpstreamException(hop.shown, Reason.MALFORMED, response.status,
                hop.shown + " redirected without a Location", null);
          }
        } else if (response.status < 200 || response.status > 299) {
          throw new UpstreamException(hop.shown, Reason.STATUS, response.status,
              hop.shown + " answered " + response.status, null);
        } else {
          byte[] body = response.readBody(maxBytes);
          String type = Optional.ofNullable(response.header("content-type")).orElse("application/octet-stream");
          return new FetchedMedia(body, type, hop.shown);
        }
      } catch (SocketTimeoutException e) {
        throw new UpstreamException(hop.shown, Reason.TIMEOUT, 0, hop.shown + " was not fetched within "
            + totalTimeout, e);
      } catch (IOException e) {
        throw new UpstreamException(hop.shown, Reason.UNREACHABLE, 0, hop.shown + " failed: " + e, e);
      }
      if (redirects >= maxRedirects) {
        throw new UpstreamException(hop.shown, Reason.TOO_MANY_REDIRECTS, 0,
            hop.shown + " redirected more than " + maxRedirects + " times", null);
      }
      current = followLocation(hop, location);
    }
  }

  /**
   * Checks the address as a fetch of it would, resolving its host once, without connecting: for an
   * address a person gives to be used later (it is checked again, and resolved again, each time
   * it is used, since what a name resolves to may change).
   *
   * @throws RefusedAddressException when the address is not allowed
   * @throws UpstreamException when its host does not resolve
   */
  public void check(String url) throws FetchException {
    vet(parse(Objects.requireNonNull(url, "url")));
  }

  /** What a host answered to {@link #post}: its status and the start of its body. */
  public record Answer(int status, byte[] excerpt) {}

  /**
   * POSTs {@code body} to {@code url} under the same checks as {@link #fetch} (the host resolved
   * once, every address vetted, the connection made to a vetted address), following no redirect:
   * any status is answered, with at most {@code excerptBytes} of the body.
   *
   * @param headers extra request headers (no line breaks); Host, Content-Length and Connection are set here
   * @throws RefusedAddressException when the address is not allowed; nothing was connected to
   * @throws UpstreamException when the host cannot be reached, breaks HTTP, or takes longer than the time cap
   */
  public Answer post(String url, java.util.Map<String, String> headers, byte[] body, String userAgent,
      int excerptBytes) throws FetchException {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    long deadline = System.nanoTime() + totalTimeout.toNanos();
    Hop hop = vet(parse(url));
    try (Socket socket = open(hop, deadline)) {
      Http1Response response = Http1Response.post(socket, hop.hostHeader(), hop.target(), headers, body,
          userAgent, deadline, hop.shown);
      byte[] excerpt;
      try {
        excerpt = response.readExcerpt(excerptBytes);
      } catch (UpstreamException | SocketTimeoutException e) {
        // The status came; a body cut short or slow to come does not change what it said.
        excerpt = new byte[0];
      }
      return new Answer(response.status, excerpt);
    } catch (SocketTimeoutException e) {
      throw new UpstreamException(hop.shown, Reason.TIMEOUT, 0, hop.shown + " did not answer within "
          + totalTimeout, e);
    } catch (IOException e) {
      throw new UpstreamException(hop.shown, Reason.UNREACHABLE, 0, hop.shown + " failed: " + e, e);
    }
  }

  /** What a host answered to {@link #send}: its status, the headers asked for, and its whole body. */
  public record Reply(int status, java.util.Map<String, String> headers, byte[] body) {
    public Reply {
      headers = java.util.Map.copyOf(headers);
    }
  }

  /**
   * Sends one request ({@code GET}, {@code POST}, ...) under the same checks as {@link #fetch} and
   * {@link #post}, following no redirect, and reads the whole answer up to the byte cap: for the
   * JSON APIs of services a person connects (publishing). {@code answerHeaders} names the headers
   * of the answer to keep (lower case).
   *
   * @param body the request body, or null for none
   * @throws RefusedAddressException when the address is not allowed; nothing was connected to
   * @throws TooLargeException when the answer passes the byte cap
   * @throws UpstreamException when the host cannot be reached, breaks HTTP, or takes longer than the time cap
   */
  public Reply send(String method, String url, java.util.Map<String, String> headers, byte[] body, String userAgent,
      java.util.Set<String> answerHeaders) throws FetchException {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(headers, "headers");
    if (!method.matches("[A-Z]{3,7}")) {
      throw new IllegalArgumentException("a method is 3 to 7 upper-case letters, got: " + method);
    }
    long deadline = System.nanoTime() + totalTimeout.toNanos();
    Hop hop = vet(parse(url));
    try (Socket socket = open(hop, deadline)) {
      Http1Response response = Http1Response.request(socket, method, hop.hostHeader(), hop.target(), headers,
          body == null ? new byte[0] : body, userAgent, deadline, hop.shown);
      java.util.Map<String, String> kept = new java.util.HashMap<>();
      for (String name : answerHeaders) {
        String value = response.header(name);
        if (value != null) {
          kept.put(name.toLowerCase(Locale.ROOT), value);
        }
      }
      return new Reply(response.status, kept, response.readBody(maxBytes));
    } catch (SocketTimeoutException e) {
      throw new UpstreamException(hop.shown, Reason.TIMEOUT, 0, hop.shown + " did not answer within "
          + totalTimeout, e);
    } catch (IOException e) {
      throw new UpstreamException(hop.shown, Reason.UNREACHABLE, 0, hop.shown + " failed: " + e, e);
    }
  }

  /** Connects to the first vetted address that answers, within the connect timeout and the deadline. */
  private Socket open(Hop hop, long deadline) throws IOException, UpstreamException {
    IOException last = null;
    for (InetAddress address : hop.addresses) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new SocketTimeoutException("the time cap was reached before connecting");
      }
      Duration timeout = Duration.ofNanos(Math.min(left, connectTimeout.toNanos()));
      try {
        return connector.connect(address, hop.port, hop.host, hop.tls, timeout);
      } catch (SSLException e) {
        throw new UpstreamException(hop.shown, Reason.UNREACHABLE, 0, hop.shown + " failed TLS: " + e, e);
      } catch (IOException e) {
        last = e;
      }
    }
    throw last;
  }

  /** Checks one hop's scheme, host and addresses, resolving the host exactly once. */
  private Hop vet(URI uri) throws FetchException {
    String shown = url(uri);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean tls = scheme.equals("https");
    boolean plain = scheme.equals("http") && plainHttpToLoopback;
    if (!tls && !plain) {
      throw new RefusedAddressException(shown, "only https addresses are accepted", "scheme " + scheme);
    }
    if (uri.getRawUserInfo() != null) {
      throw new RefusedAddressException(shown, "an address with a user name or password is not accepted", null);
    }
    String rawHost = uri.getHost();
    if (rawHost == null || rawHost.isEmpty()) {
      throw new RefusedAddressException(shown, "the address has no host name", null);
    }
    String host = HostAllowlist.normalise(rawHost.startsWith("[") ? rawHost.substring(1, rawHost.length() - 1) : rawHost);
    int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
    if (AddressPolicy.isIpLiteral(host)) {
      InetAddress literal = literal(host, shown);
      if (!plain || !AddressPolicy.isLoopback(literal)) {
        Optional<String> why = AddressPolicy.whyRefused(literal);
        if (why.isPresent()) {
          throw new RefusedAddressException(shown, "the host is " + why.get(), null);
        }
      }
    }
    if (METADATA_HOSTS.contains(host)) {
      throw new RefusedAddressException(shown, "the host is a cloud metadata server", null);
    }
    // The allowlist holds for every scheme and every hop: the plain-http switch only widens which
    // addresses a listed host may resolve to (loopback), never which hosts may be asked.
    if (!allowlist.allows(host)) {
      throw new RefusedAddressException(shown, "the host " + host + " is not on the allowlist", null);
    }
    InetAddress[] resolved;
    try {
      resolved = AddressPolicy.isIpLiteral(host) ? new InetAddress[] {literal(host, shown)} : resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new UpstreamException(shown, Reason.UNREACHABLE, 0, host + " does not resolve", e);
    }
    if (resolved == null || resolved.length == 0) {
      throw new UpstreamException(shown, Reason.UNREACHABLE, 0, host + " resolved to no address", null);
    }
    List<InetAddress> vetted = new ArrayList<>(resolved.length);
    for (InetAddress address : resolved) {
      if (plain) {
        if (!AddressPolicy.isLoopback(address)) {
          throw new RefusedAddressException(shown, "plain http is accepted only to this machine",
              host + " resolves to " + address.getHostAddress());
        }
      } else {
        Optional<String> why = AddressPolicy.whyRefused(address);
        if (why.isPresent()) {
          throw new RefusedAddressException(shown, "the host resolves to " + why.get(),
              host + " resolves to " + address.getHostAddress());
        }
      }
      vetted.add(address);
    }
    String hostHeader = rawHost + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    return new Hop(uri, shown, host, hostHeader, port, tls, List.copyOf(vetted), target(uri));
  }

  /** Parses an address written as an IP literal; never touches DNS. */
  private static InetAddress literal(String host, String shown) throws RefusedAddressException {
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException | RuntimeException e) {
      throw new RefusedAddressException(shown, "the host is not a valid address", null);
    }
  }

  private static URI parse(String url) throws RefusedAddressException {
    try {
      URI uri = new URI(url.trim());
      if (!uri.isAbsolute() || uri.isOpaque()) {
        throw new RefusedAddressException(shorten(url), "the address is not an absolute URL", null);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new RefusedAddressException(shorten(url), "the address cannot be read", e.getReason());
    }
  }

  private static URI followLocation(Hop hop, String location) throws UpstreamException {
    try {
      return hop.uri.resolve(new URI(location.trim()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new UpstreamException(hop.shown, Reason.MALFORMED, 0, hop.shown + " redirected to a bad address", e);
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static String target(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /** The address without query or fragment, for messages and logs. */
  private static String url(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme() + ":";
    if (uri.isOpaque()) {
      return scheme + "…";
    }
    String authority = uri.getRawAuthority() == null ? "" : "//" + uri.getRawAuthority().replaceFirst("^.*@", "");
    return scheme + authority + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  private static String shorten(String url) {
    String s = url.replaceAll("[\\r\\n]", " ");
    int q = s.indexOf('?');
    s = q >= 0 ? s.substring(0, q) : s;
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  static int clampMillis(long millis) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
  }

  private record Hop(URI uri, String shown, String host, String hostHeader, int port, boolean tls,
      List<InetAddress> addresses, String requestTarget) {
    String target() {
      return requestTarget;
    }
  }

  /** Builds a {@link SafeFetcher}; every setting has a default except the allowlist. */
  public static final class Builder {
    private HostAllowlist allowlist;
    private HostResolver resolver = HostResolver.SYSTEM;
    private Connector connector = Connector.standard();
    private long maxBytes = 200L * 1024 * 1024;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration totalTimeout = Duration.ofSeconds(60);
    private int maxRedirects = 3;
    private boolean plainHttpToLoopback;

    private Builder() {}

    public Builder withAllowlist(HostAllowlist allowlist) {
      this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
      return this;
    }

    public Builder withResolver(HostResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    public Builder withConnector(Connector connector) {
      this.connector = Objects.requireNonNull(connector, "connector");
      return this;
    }

    public Builder withMaxBytes(long maxBytes) {
      if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("maxBytes must be between 1 and " + (Integer.MAX_VALUE - 8)
            + ", got " + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    public Builder withConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** The longest a whole fetch may take, redirects included. */
    public Builder withTotalTimeout(Duration totalTimeout) {
      this.totalTimeout = positive(totalTimeout, "totalTimeout");
      return this;
    }

    public Builder withMaxRedirects(int maxRedirects) {
      if (maxRedirects < 0 || maxRedirects > 10) {
        throw new IllegalArgumentException("maxRedirects must be between 0 and 10, got " + maxRedirects);
      }
      this.maxRedirects = maxRedirects;
      return this;
    }

    /**
     * Accepts plain {@code http} addresses whose host resolves only to loopback addresses, for tests
     * and development against a local fake. Never on in production; https is unaffected.
     */
    public Builder withPlainHttpToLoopback(boolean allow) {
      this.plainHttpToLoopback = allow;
      return this;
    }

    /** @throws IllegalStateException when no allowlist was given */
    public SafeFetcher build() {
      if (allowlist == null) {
        throw new IllegalStateException("an allowlist is required: use withAllowlist(HostAllowlist.parse(...))");
      }
      if (connectTimeout.compareTo(totalTimeout) > 0) {
        throw new IllegalStateException("connectTimeout (" + connectTimeout + ") must not exceed totalTimeout ("
            + totalTimeout + ")");
      }
      return new SafeFetcher(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }
  }
}
