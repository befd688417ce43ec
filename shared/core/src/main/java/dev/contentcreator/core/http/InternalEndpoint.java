package dev.contentcreator.core.http;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An internal function's configuration of the {@link Pipeline}, for a function only Google calls
 * (Cloud Tasks, Cloud Scheduler, a Pub/Sub push): no hosting rewrite, no Firebase token, no rate
 * limit. It routes a POST by the last segment of the path (whatever prefix the platform's URL
 * adds), proves the caller with the endpoint's {@link Authenticator} before reading the body (any
 * type, up to a limit), and answers and logs like the {@link Gateway}: the same problem+json, the
 * same 503 for a busy store, one log line.
 *
 * <p>The authenticator is the argument of {@link #builder(Authenticator)}, the only way to make
 * one, and cannot be {@link Authenticator#none()}: no route of an internal endpoint can be added
 * without its check. Immutable and thread-safe.
 */
public final class InternalEndpoint {
  /** The path parameter that holds the last segment of the path. */
  public static final String SEGMENT = "segment";
  /** The proxies that append to X-Forwarded-For before the function: Google's front end alone. */
  private static final int GOOGLE_FRONT_END = 1;

  private final Pipeline pipeline;

  private InternalEndpoint(Builder b) {
    Map<String, Handler> routes = Map.copyOf(b.routes);
    Handler fallback = b.fallback;
    Authenticator authenticator = b.authenticator;
    BodyRule body = BodyRule.any(b.maxBodyBytes);
    this.pipeline = new Pipeline((method, path) -> {
      String segment = lastSegment(path);
      Handler handler = routes.getOrDefault(segment, fallback);
      if (handler == null || segment.isEmpty()) {
        throw ApiException.notFound("There is nothing at " + path + ".");
      }
      if (!method.equals("POST")) {
        throw ApiException.of(405, "method-not-allowed", "Method not allowed", method + " is not allowed here; use POST.")
            .withHeaders(Map.of("Allow", "POST"));
      }
      return new Pipeline.Target(segment, Map.of(SEGMENT, segment), authenticator, body, handler);
    }, Pipeline.Limits.NONE, caller -> { }, GOOGLE_FRONT_END, b.log);
  }

  /** An endpoint whose every route is behind {@code authenticator}. */
  public static Builder builder(Authenticator authenticator) {
    return new Builder(authenticator);
  }

  /** Serves one request; never throws. Refusals (401, 403, 404, 405, 413) are logged too. */
  public void service(HttpRequest request, HttpResponse response) {
    pipeline.service(request, response);
  }

  static String lastSegment(String path) {
    String p = path;
    while (p.endsWith("/") && p.length() > 1) {
      p = p.substring(0, p.length() - 1);
    }
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /** Builds an {@link InternalEndpoint}; each setter checks its argument. */
  public static final class Builder {
    private final Authenticator authenticator;
    private final Map<String, Handler> routes = new LinkedHashMap<>();
    private Handler fallback;
    private long maxBodyBytes = 1024 * 1024;
    private RequestLog log;

    private Builder(Authenticator authenticator) {
      Objects.requireNonNull(authenticator, "an internal endpoint needs an authenticator");
      if (authenticator.isOpen()) {
        throw new IllegalArgumentException("an internal endpoint must check its caller; none() lets anyone in");
      }
      this.authenticator = authenticator;
    }

    /** {@code POST .../<segment>} runs this handler. */
    public Builder post(String segment, Handler handler) {
      Objects.requireNonNull(segment, "segment");
      Objects.requireNonNull(handler, "handler");
      if (segment.isEmpty() || segment.contains("/")) {
        throw new IllegalArgumentException("a segment is one non-empty part of a path, got: " + segment);
      }
      if (routes.putIfAbsent(segment, handler) != null) {
        throw new IllegalArgumentException("segment routed twice: " + segment);
      }
      return this;
    }

    /** A POST to any other last segment runs this handler, which reads the segment from {@link #SEGMENT}. */
    public Builder postAny(Handler handler) {
      this.fallback = Objects.requireNonNull(handler, "handler");
      return this;
    }

    public Builder maxBodyBytes(long max) {
      if (max < 1) {
        throw new IllegalArgumentException("the body limit must be positive, got: " + max);
      }
      this.maxBodyBytes = max;
      return this;
    }

    public Builder log(RequestLog log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    public InternalEndpoint build() {
      if (routes.isEmpty() && fallback == null) {
        throw new IllegalStateException("an endpoint needs at least one route");
      }
      Objects.requireNonNull(log, "log is required");
      return new InternalEndpoint(this);
    }
  }
}
