package dev.contentcreator.core.http;

import com.google.cloud.functions.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as the {@link Pipeline} carries it through its steps: what is read from it at the
 * start, the headers of its answer (the security headers first), and what the steps learn on the
 * way (route, caller, outcome), which becomes its log line. Used by one thread, never shared.
 */
final class Call {
  final long started = System.nanoTime();
  final HttpRequest request;
  final String method;
  final String path;
  final Trace trace;
  final Optional<String> forwardedFor;
  /** The client's address as the trusted proxies report it. */
  final Optional<String> clientIp;
  final Map<String, String> headers = new LinkedHashMap<>();
  String route;
  String uid;
  /** The id of the API key that signed the request (never the key itself), or null. */
  String keyId;
  /** The scope of that key, for the whole of the answer (a streamed one too), or null. */
  KeyScope keyScope;
  /** Whether the person's rate-limit token was already taken, with the address's. */
  boolean personLimited;
  /** The person the route's authenticator recalled before the limits, or null: none was asked or known. */
  Caller recalled;
  String problemType;
  String error;
  int status = 500;
  long bytes;

  Call(HttpRequest request, int trustedProxyHops) {
    this.request = request;
    this.method = request.getMethod().toUpperCase(Locale.ROOT);
    this.path = request.getPath() == null ? "/" : request.getPath();
    this.trace = Trace.from(request.getFirstHeader("traceparent"), request.getFirstHeader("X-Cloud-Trace-Context"))
        .orElse(null);
    this.forwardedFor = request.getFirstHeader("X-Forwarded-For");
    this.clientIp = ClientIp.from(forwardedFor, trustedProxyHops);
    headers.put("Cache-Control", "no-store");
    headers.put("X-Content-Type-Options", "nosniff");
    if (SecretPaths.isShareLink(path) || SecretPaths.isCalendarFeed(path)) {
      headers.put("X-Robots-Tag", "noindex, nofollow");
    }
  }

  /** Records a refusal: its status, its problem type and its headers. */
  void refused(ApiException e) {
    status = e.status();
    problemType = e.type();
    headers.putAll(e.headers());
  }

  /** Names the exception behind the answer in the log line (never in the answer). */
  void blame(Throwable e) {
    error = SecretPaths.redactKeys(e.getClass().getName() + ": " + e.getMessage());
  }

  RequestLog.Entry entry() {
    return new RequestLog.Entry(method, SecretPaths.redact(path), route, status, bytes, request.getFirstHeader("User-Agent").orElse(null),
        clientIp.orElse(null), Duration.ofNanos(System.nanoTime() - started), trace, uid, keyId, problemType, error);
  }
}
