package dev.contentcreator.core.http;

import dev.contentcreator.core.log.JsonLine;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.log.LogOutput;
import dev.contentcreator.core.log.LogTrace;
import dev.contentcreator.core.log.Severity;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Writes one line per request through the {@link Log} in Cloud Logging's structured format:
 * severity (by status), message, time, {@code httpRequest}, trace and span, the caller's uid (and
 * the id of the API key that signed the request, never the key), the
 * route and the problem type. It never writes a header, a query string or a body, so no token, key
 * or prompt reaches the log. The line is made without a JSON tree or a format string and written
 * in one call: the log costs each request little and makes none wait for another.
 */
public final class RequestLog {
  private final Log log;
  private final String projectId;

  public RequestLog(Log log, String projectId) {
    this.log = Objects.requireNonNull(log, "log");
    this.projectId = Objects.requireNonNull(projectId, "projectId");
  }

  /** Every line to {@code out}, whatever its severity (a test's stream). */
  public RequestLog(PrintStream out, String projectId) {
    this(new Log(LogOutput.to(out), Clock.systemUTC()), projectId);
  }

  /** The standard log, for the project that names traces. */
  public static RequestLog standard(String projectId) {
    return new RequestLog(Log.standard(), projectId);
  }

  /** What is known of one finished request. */
  public record Entry(
      String method, String path, String route, int status, long responseBytes, String userAgent,
      String remoteIp, Duration latency, Trace trace, String uid, String keyId, String problemType, String error) {

    /** A request signed by a person's own token or by nobody: no API key. */
    public Entry(String method, String path, String route, int status, long responseBytes, String userAgent,
        String remoteIp, Duration latency, Trace trace, String uid, String problemType, String error) {
      this(method, path, route, status, responseBytes, userAgent, remoteIp, latency, trace, uid, null, problemType,
          error);
    }
  }

  /** The name Cloud Logging gives {@code trace} in this project, or null for none. */
  public LogTrace traceOf(Trace trace) {
    return trace == null ? null
        : new LogTrace("projects/" + projectId + "/traces/" + trace.traceId(), trace.spanId());
  }

  public void write(Entry e) {
    Severity severity = e.status() >= 500 ? Severity.ERROR : e.status() >= 400 ? Severity.WARNING : Severity.INFO;
    String message = e.method() + " " + e.path() + " " + e.status() + " " + e.latency().toMillis() + "ms"
        + (e.error() == null ? "" : ": " + e.error());
    JsonLine line = log.begin(severity, message, traceOf(e.trace()))
        .open("httpRequest")
        .string("requestMethod", e.method())
        .string("requestUrl", e.path())
        .number("status", e.status())
        .string("responseSize", Long.toString(e.responseBytes()))
        .string("userAgent", e.userAgent())
        .string("remoteIp", e.remoteIp())
        .string("latency", seconds(e.latency()))
        .close()
        .string("uid", e.uid())
        .string("keyId", e.keyId())
        .string("route", e.route())
        .string("problem", e.problemType());
    log.emit(severity, line);
  }

  /** Cloud Logging's duration: seconds with six decimals and an {@code s}, such as {@code 0.012345s}. */
  static String seconds(Duration d) {
    long micros = (d.toNanos() + 500) / 1000;
    String fraction = Long.toString(1_000_000 + micros % 1_000_000).substring(1);
    return micros / 1_000_000 + "." + fraction + "s";
  }
}
