package dev.contentcreator.core.http;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import com.google.gson.JsonElement;
import dev.contentcreator.core.ports.IdentityVerifier;
import dev.contentcreator.core.ports.IdentityVerifier.InvalidTokenException;
import dev.contentcreator.core.ports.IdentityVerifier.VerifiedIdentity;
import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.core.ports.RateLimiter.Decision;
import dev.contentcreator.core.ports.StoreBusyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The chain every HTTP function runs a request through: route (404/405), rate limit by client
 * address (failing closed with 503 when the limiter's store fails), authenticate the Firebase ID
 * token (401; on a sensitive route asked of the provider, so a revoked or disabled account is
 * refused at once), rate limit by user (429), check the body's type and size (415/413), call the
 * handler, write the answer or a problem+json, and log one line, for refusals too. A handler's
 * unexpected exception becomes a logged 500 that reveals nothing. Thread-safe.
 */
public final class Gateway {
  private final Router router;
  private final Supplier<IdentityVerifier> identity;
  private final Supplier<RateLimiter> rateLimiter;
  private final Consumer<Caller> onSignedIn;
  private final GatewaySettings settings;
  private final RequestLog log;

  private Gateway(Builder b) {
    this.router = b.router;
    this.identity = b.identity;
    this.rateLimiter = b.rateLimiter;
    this.onSignedIn = b.onSignedIn;
    this.settings = b.settings;
    this.log = b.log;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Router router() {
    return router;
  }

  /** Serves one request; never throws. Every request, answered or refused, leaves one log line. */
  public void service(HttpRequest request, HttpResponse response) {
    long started = System.nanoTime();
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    String path = request.getPath();
    Optional<String> forwardedFor = request.getFirstHeader("X-Forwarded-For");
    Optional<String> ip = ClientIp.from(forwardedFor, settings.trustedProxyHops());
    Trace trace = Trace.from(request.getFirstHeader("traceparent"), request.getFirstHeader("X-Cloud-Trace-Context")).orElse(null);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Cache-Control", "no-store");
    headers.put("X-Content-Type-Options", "nosniff");
    String route = null;
    String uid = null;
    String problemType = null;
    String error = null;
    int status = 500;
    long bytes = 0;
    try {
      ApiResponse answer;
      try {
        Router.Match match = router.match(method, path);
        route = match.route().template();
        Caller caller = null;
        if (!match.route().isPublic()) {
          limitAddress(ip, ClientIp.nearestPeer(forwardedFor, settings.trustedProxyHops()), headers);
          caller = authenticate(request, match.route().isSensitive());
          uid = caller.uid();
          limit("user:" + caller.uid(), settings.perUser(), headers, false);
        }
        byte[] body = readBody(request, method, match.route());
        ApiRequest apiRequest = new ApiRequest(method, path, match.pathParams(),
            request.getQueryParameters(), request.getHeaders(), body, caller);
        if (caller != null) {
          onSignedIn.accept(caller);
        }
        answer = match.route().handler().handle(apiRequest);
      } catch (ApiException e) {
        problemType = e.type();
        headers.putAll(e.headers());
        status = e.status();
        bytes = write(response, status, headers, Problem.CONTENT_TYPE, Problem.body(e, path), method);
        answer = null;
      }
      if (answer != null) {
        headers.putAll(answer.headers());
        status = answer.status();
        if (answer.stream() != null) {
          bytes = stream(response, headers, answer.stream());
        } else {
          bytes = write(response, status, headers, "application/json; charset=utf-8", answer.body(), method);
        }
      }
    } catch (StoreBusyException e) {
      status = 503;
      problemType = "busy";
      error = e.getClass().getName() + ": " + e.getMessage();
      headers.put("Retry-After", "1");
      bytes = writeQuietly(response, ApiException.of(503, "busy", "Busy",
          "Too many changes are being made here at once. Nothing was lost; please try again in a moment."),
          headers, path, method);
    } catch (RuntimeException | IOException | Error e) {
      status = 500;
      problemType = "internal";
      error = e.getClass().getName() + ": " + e.getMessage();
      System.err.println("unexpected failure in " + method + " " + path);
      e.printStackTrace();
      bytes = writeQuietly(response, ApiException.of(500, "internal", "Internal error",
          "Something went wrong on our side. It has been logged; please try again."), headers, path, method);
    } finally {
      log.write(new RequestLog.Entry(method, path, route, status, bytes,
          request.getFirstHeader("User-Agent").orElse(null), ip.orElse(null),
          Duration.ofNanos(System.nanoTime() - started), trace, uid, problemType, error));
    }
  }

  private Caller authenticate(HttpRequest request, boolean sensitive) {
    Optional<String> header = request.getFirstHeader("Authorization");
    if (header.isEmpty()) {
      throw ApiException.unauthorized("Send an Authorization: Bearer <Firebase ID token> header.");
    }
    String value = header.get().trim();
    if (!value.regionMatches(true, 0, "Bearer ", 0, 7) || value.length() < 8) {
      throw ApiException.unauthorized("The Authorization header must be: Bearer <Firebase ID token>.");
    }
    String token = value.substring(7).trim();
    if (token.length() > 8192) {
      throw ApiException.unauthorized("The ID token is not valid.");
    }
    VerifiedIdentity who;
    try {
      who = sensitive ? identity.get().verifyFresh(token) : identity.get().verify(token);
    } catch (InvalidTokenException e) {
      throw ApiException.unauthorized("The ID token is not valid: " + e.getMessage());
    } catch (RuntimeException e) {
      System.err.println("identity provider failed: " + e);
      throw ApiException.of(503, "identity-unavailable", "Sign-in is unavailable",
          "The sign-in service did not answer; please try again shortly.").withHeaders(Map.of("Retry-After", "5"));
    }
    return new Caller(who.uid(), who.email(), who.name(), who.picture(), who.emailVerified());
  }

  /**
   * The per-address limits of a request not yet authenticated: the client as the trusted proxies
   * report it, and the nearest peer (the address the last trusted proxy saw) under a wider limit,
   * so a caller who reaches the function directly and writes its own X-Forwarded-For entries is
   * still held by its real address. Both fail closed.
   */
  private void limitAddress(Optional<String> client, Optional<String> peer, Map<String, String> headers) {
    limit("ip:" + client.orElse("unknown"), settings.perIp(), headers, true);
    if (peer.isPresent() && !peer.equals(client)) {
      limit("peer:" + peer.get(), settings.perPeer(), headers, true);
    }
  }

  /**
   * Takes one token of {@code key}'s bucket, or throws 429. When the limiter's store fails, a
   * request that has not proved who it is ({@code failClosed}) is refused with 503 and Retry-After,
   * so an outage of the store never switches the limit off for anonymous traffic; a signed-in
   * caller, already held by the per-address limit, is let through.
   */
  private void limit(String key, Optional<RateLimiter.Limit> limit, Map<String, String> headers, boolean failClosed) {
    if (limit.isEmpty()) {
      return;
    }
    Decision d;
    try {
      d = rateLimiter.get().tryAcquire(key, limit.get());
    } catch (RuntimeException e) {
      if (failClosed) {
        System.err.println("rate limiter unavailable, unauthenticated request refused: " + e);
        throw ApiException.of(503, "rate-limiter-unavailable", "Temporarily unavailable",
            "We cannot check request limits right now; please try again in a few seconds.")
            .withHeaders(Map.of("Retry-After", "5"));
      }
      System.err.println("rate limiter unavailable, signed-in request let through: " + e);
      return;
    }
    String remainingBefore = headers.get("RateLimit-Remaining");
    if (remainingBefore == null || d.remaining() <= Long.parseLong(remainingBefore) || !d.allowed()) {
      headers.put("RateLimit-Limit", Long.toString(d.limit()));
      headers.put("RateLimit-Remaining", Long.toString(d.remaining()));
      headers.put("RateLimit-Reset", Long.toString(ceilSeconds(d.resetAfter())));
      headers.put("RateLimit-Policy", d.limit() + ";w=" + ceilSeconds(limit.get().period()));
    }
    if (!d.allowed()) {
      long retry = Math.max(1, ceilSeconds(d.retryAfter()));
      throw ApiException.of(429, "rate-limited", "Too many requests",
          "Slow down: try again in " + retry + " s.").withHeaders(Map.of("Retry-After", Long.toString(retry)));
    }
  }

  private static long ceilSeconds(Duration d) {
    long s = d.getSeconds();
    return d.getNano() > 0 ? s + 1 : s;
  }

  private byte[] readBody(HttpRequest request, String method, Router.Route route) throws IOException {
    long declared = request.getContentLength();
    boolean hasBody = declared > 0 || request.getFirstHeader("Transfer-Encoding").isPresent();
    if (!hasBody) {
      return new byte[0];
    }
    if (method.equals("GET") || method.equals("HEAD") || method.equals("DELETE")) {
      throw ApiException.badRequest("body", method + " requests take no body");
    }
    long limit = route.isUpload() ? route.maxBodyBytes() : settings.maxBodyBytes();
    String type = request.getContentType().orElse("").toLowerCase(Locale.ROOT);
    String mediaType = type.split(";", 2)[0].trim();
    if (route.isUpload()) {
      return readAtMost(request, declared, limit);
    }
    if (!(mediaType.equals("application/json") || (mediaType.startsWith("application/") && mediaType.endsWith("+json")))) {
      throw ApiException.of(415, "unsupported-media-type", "Unsupported media type",
          "Send the body as application/json" + (mediaType.isEmpty() ? "." : ", not " + mediaType + "."));
    }
    if (type.contains("charset=") && !type.replace(" ", "").contains("charset=utf-8")) {
      throw ApiException.of(415, "unsupported-media-type", "Unsupported media type", "JSON bodies must be UTF-8.");
    }
    return readAtMost(request, declared, limit);
  }

  private static byte[] readAtMost(HttpRequest request, long declared, long limit) throws IOException {
    if (declared > limit) {
      throw tooLarge(limit);
    }
    byte[] bytes;
    try (InputStream in = request.getInputStream()) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    } catch (IOException e) {
      // The client stopped sending before the length it declared: its request, not our fault.
      throw ApiException.badRequest("body", "the body ended before the length the request declared");
    }
    if (bytes.length > limit) {
      throw tooLarge(limit);
    }
    return bytes;
  }

  private static ApiException tooLarge(long limit) {
    return ApiException.of(413, "payload-too-large", "The body is too large",
        "Bodies may be at most " + limit + " bytes here.");
  }

  private static long write(HttpResponse response, int status, Map<String, String> headers, String contentType,
      JsonElement body, String method) throws IOException {
    response.setStatusCode(status);
    for (Map.Entry<String, String> h : headers.entrySet()) {
      response.appendHeader(h.getKey(), h.getValue());
    }
    if (body == null) {
      return 0;
    }
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    response.setContentType(contentType);
    if (!method.equals("HEAD")) {
      try (OutputStream out = response.getOutputStream()) {
        out.write(bytes);
      }
    }
    return bytes.length;
  }

  private static long stream(HttpResponse response, Map<String, String> headers, ApiResponse.Stream stream)
      throws IOException {
    response.setStatusCode(200);
    headers.forEach((k, v) -> {
      if (k.equalsIgnoreCase("Content-Type")) {
        response.setContentType(v);
      } else {
        response.appendHeader(k, v);
      }
    });
    long[] count = new long[1];
    try (OutputStream out = new java.io.FilterOutputStream(response.getOutputStream()) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count[0] += len;
      }
    }) {
      stream.writeTo(out);
    } catch (IOException e) {
      // The client went away; the stream is over either way.
    }
    return count[0];
  }

  private static long writeQuietly(HttpResponse response, ApiException e, Map<String, String> headers, String path,
      String method) {
    try {
      return write(response, e.status(), headers, Problem.CONTENT_TYPE, Problem.body(e, path), method);
    } catch (IOException | RuntimeException again) {
      System.err.println("could not write the error answer: " + again);
      return 0;
    }
  }

  /** Builds a {@link Gateway}; every setter checks its argument. */
  public static final class Builder {
    private Router router;
    private Supplier<IdentityVerifier> identity;
    private Supplier<RateLimiter> rateLimiter;
    private Consumer<Caller> onSignedIn = c -> { };
    private GatewaySettings settings;
    private RequestLog log;

    public Builder router(Router router) {
      this.router = Objects.requireNonNull(router, "router");
      return this;
    }

    /** Where identity comes from; asked for only when the first token is checked. */
    public Builder identity(Supplier<IdentityVerifier> identity) {
      this.identity = Objects.requireNonNull(identity, "identity");
      return this;
    }

    /** Where rate limits are kept; asked for only when the first limited request comes. */
    public Builder rateLimiter(Supplier<RateLimiter> rateLimiter) {
      this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
      return this;
    }

    /** Called with every authenticated caller before its handler, e.g. to create the user's record. */
    public Builder onSignedIn(Consumer<Caller> onSignedIn) {
      this.onSignedIn = Objects.requireNonNull(onSignedIn, "onSignedIn");
      return this;
    }

    public Builder settings(GatewaySettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    public Builder log(RequestLog log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    public Gateway build() {
      Objects.requireNonNull(router, "router is required");
      Objects.requireNonNull(identity, "identity is required");
      Objects.requireNonNull(rateLimiter, "rateLimiter is required");
      Objects.requireNonNull(settings, "settings is required");
      if (log == null) {
        log = new RequestLog(System.out, settings.projectId());
      }
      return new Gateway(this);
    }
  }
}
