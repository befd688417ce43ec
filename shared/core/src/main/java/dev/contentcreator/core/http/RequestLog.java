package dev.contentcreator.core.http;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;

/**
 * Writes one JSON line per request in Cloud Logging's structured format: severity, message,
 * httpRequest, trace and span, the caller's uid, the route and the problem type. It never writes
 * a header, a query string or a body, so no token, key or prompt reaches the log.
 */
public final class RequestLog {
  private final PrintStream out;
  private final String projectId;

  public RequestLog(PrintStream out, String projectId) {
    this.out = Objects.requireNonNull(out, "out");
    this.projectId = Objects.requireNonNull(projectId, "projectId");
  }

  /** What is known of one finished request. */
  public record Entry(
      String method, String path, String route, int status, long responseBytes, String userAgent,
      String remoteIp, Duration latency, Trace trace, String uid, String problemType, String error) {}

  public void write(Entry e) {
    JsonObject line = new JsonObject();
    line.addProperty("severity", e.status() >= 500 ? "ERROR" : e.status() >= 400 ? "WARNING" : "INFO");
    line.addProperty("message", e.method() + " " + e.path() + " " + e.status() + " "
        + e.latency().toMillis() + "ms" + (e.error() == null ? "" : ": " + e.error()));
    JsonObject http = new JsonObject();
    http.addProperty("requestMethod", e.method());
    http.addProperty("requestUrl", e.path());
    http.addProperty("status", e.status());
    http.addProperty("responseSize", Long.toString(e.responseBytes()));
    if (e.userAgent() != null) {
      http.addProperty("userAgent", e.userAgent());
    }
    if (e.remoteIp() != null) {
      http.addProperty("remoteIp", e.remoteIp());
    }
    http.addProperty("latency", String.format(java.util.Locale.ROOT, "%.6fs", e.latency().toNanos() / 1e9));
    line.add("httpRequest", http);
    if (e.trace() != null) {
      line.addProperty("logging.googleapis.com/trace", "projects/" + projectId + "/traces/" + e.trace().traceId());
      if (e.trace().spanId() != null) {
        line.addProperty("logging.googleapis.com/spanId", e.trace().spanId());
      }
    }
    if (e.uid() != null) {
      line.addProperty("uid", e.uid());
    }
    if (e.route() != null) {
      line.addProperty("route", e.route());
    }
    if (e.problemType() != null) {
      line.addProperty("problem", e.problemType());
    }
    String text = line.toString();
    synchronized (out) {
      out.println(text);
    }
  }
}
