package dev.contentcreator.core.http;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The chain of an internal function, one that only Google calls (Cloud Tasks, Cloud Scheduler):
 * no hosting rewrite, no Firebase token, no per-address limit. It dispatches a POST by the last
 * segment of the path (whatever prefix the platform's URL adds), reads the body up to a limit,
 * calls the handler (which checks the caller's OIDC token first), writes JSON or problem+json, and
 * logs one line like the {@link Gateway}. An unexpected exception is a logged 500 naming nothing
 * internal. Immutable and thread-safe.
 */
public final class InternalEndpoint {
  /** The path parameter that holds the last segment of the path. */
  public static final String SEGMENT = "segment";

  private final Map<String, Handler> routes;
  private final Handler fallback;
  private final long maxBodyBytes;
  private final RequestLog log;

  private InternalEndpoint(Builder b) {
    this.routes = Map.copyOf(b.routes);
    this.fallback = b.fallback;
    this.maxBodyBytes = b.maxBodyBytes;
    this.log = b.log;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Serves one request; never throws. */
  public void service(HttpRequest request, HttpResponse response) {
    long started = System.nanoTime();
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    String path = request.getPath() == null ? "/" : request.getPath();
    String segment = lastSegment(path);
    Trace trace = Trace.from(request.getFirstHeader("traceparent"), request.getFirstHeader("X-Cloud-Trace-Context"))
        .orElse(null);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Cache-Control", "no-store");
    headers.put("X-Content-Type-Options", "nosniff");
    int status;
    long bytes = 0;
    String problemType = null;
    String error = null;
    try {
      try {
        Handler handler = routes.getOrDefault(segment, fallback);
        if (handler == null || segment.isEmpty()) {
          throw ApiException.notFound("There is nothing at " + path + ".");
        }
        if (!method.equals("POST")) {
          throw ApiException.of(405, "method-not-allowed", "Method not allowed", method + " is not allowed here; use POST.")
              .withHeaders(Map.of("Allow", "POST"));
        }
        byte[] body = read(request);
        ApiResponse answer = handler.handle(new ApiRequest(method, path, Map.of(SEGMENT, segment),
            request.getQueryParameters(), request.getHeaders(), body, null));
        headers.putAll(answer.headers());
        status = answer.status();
        bytes = write(response, status, headers, "application/json; charset=utf-8",
            answer.body() == null ? null : answer.body().toString().getBytes(StandardCharsets.UTF_8));
      } catch (ApiException e) {
        status = e.status();
        problemType = e.type();
        headers.putAll(e.headers());
        bytes = write(response, status, headers, Problem.CONTENT_TYPE,
            Problem.body(e, path).toString().getBytes(StandardCharsets.UTF_8));
      }
    } catch (RuntimeException | IOException | Error e) {
      status = 500;
      problemType = "internal";
      error = e.getClass().getName() + ": " + e.getMessage();
      System.err.println("unexpected failure in " + method + " " + path);
      e.printStackTrace();
      ApiException internal = ApiException.of(500, "internal", "Internal error",
          "Something went wrong on our side. It has been logged.");
      try {
        bytes = write(response, 500, headers, Problem.CONTENT_TYPE,
            Problem.body(internal, path).toString().getBytes(StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException again) {
        System.err.println("could not write the error answer: " + again);
      }
    }
    // Google's front end appends the caller's address; refusals (401, 403, 404, 405, 413) are logged too.
    String ip = ClientIp.from(request.getFirstHeader("X-Forwarded-For"), 1).orElse(null);
    log.write(new RequestLog.Entry(method, path, segment, status, bytes,
        request.getFirstHeader("User-Agent").orElse(null), ip, Duration.ofNanos(System.nanoTime() - started), trace,
        null, problemType, error));
  }

  static String lastSegment(String path) {
    String p = path;
    while (p.endsWith("/") && p.length() > 1) {
      p = p.substring(0, p.length() - 1);
    }
    return p.substring(p.lastIndexOf('/') + 1);
  }

  private byte[] read(HttpRequest request) throws IOException {
    long declared = request.getContentLength();
    if (declared > maxBodyBytes) {
      throw tooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBodyBytes + 1));
      if (bytes.length > maxBodyBytes) {
        throw tooLarge();
      }
      return bytes;
    }
  }

  private ApiException tooLarge() {
    return ApiException.of(413, "payload-too-large", "The body is too large",
        "Bodies may be at most " + maxBodyBytes + " bytes here.");
  }

  private static long write(HttpResponse response, int status, Map<String, String> headers, String contentType,
      byte[] body) throws IOException {
    response.setStatusCode(status);
    headers.forEach(response::appendHeader);
    if (body == null) {
      return 0;
    }
    response.setContentType(contentType);
    try (OutputStream out = response.getOutputStream()) {
      out.write(body);
    }
    return body.length;
  }

  /** Builds an {@link InternalEndpoint}; each setter checks its argument. */
  public static final class Builder {
    private final Map<String, Handler> routes = new LinkedHashMap<>();
    private Handler fallback;
    private long maxBodyBytes = 1024 * 1024;
    private RequestLog log;

    private Builder() {}

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
