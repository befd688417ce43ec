package dev.contentcreator.core.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The product's one logger: one JSON line per entry in Cloud Logging's structured format, which
 * Cloud Run functions read from standard output and error. Every entry has {@code severity},
 * {@code message} and {@code time}; an entry written while a request is served carries that
 * request's trace ({@code logging.googleapis.com/trace} and {@code .../spanId}, see
 * {@link LogTrace}), so it is shown under the request. An ERROR with an exception adds the
 * exception's stack trace as {@code stack_trace}, where Error Reporting looks for it; a WARNING
 * names its exception in the message only, since it is a degradation the product works around.
 *
 * <p>Product code calls the static methods, which write through {@link LogOutput#standard()}. A
 * line is made in a {@link StringBuilder} on the caller's thread and written with one call, so
 * logging never makes requests wait for each other. Thread-safe.
 */
public final class Log {
  private static final Log STANDARD = new Log(LogOutput.standard(), Clock.systemUTC());

  private final LogOutput output;
  private final Clock clock;

  public Log(LogOutput output, Clock clock) {
    this.output = Objects.requireNonNull(output, "output");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The logger the static methods write through. */
  public static Log standard() {
    return STANDARD;
  }

  public static void info(String message) {
    STANDARD.write(Severity.INFO, message, null, Map.of());
  }

  public static void warning(String message) {
    STANDARD.write(Severity.WARNING, message, null, Map.of());
  }

  /** A degradation caused by {@code error}, which is named after the message. */
  public static void warning(String message, Throwable error) {
    STANDARD.write(Severity.WARNING, message, error, Map.of());
  }

  /** A failure, with the stack trace of {@code error} (which may be null). */
  public static void error(String message, Throwable error) {
    STANDARD.write(Severity.ERROR, message, error, Map.of());
  }

  /** A failure, with fields that let it be found (a batch's id, a project's). */
  public static void error(String message, Throwable error, Map<String, String> fields) {
    STANDARD.write(Severity.ERROR, message, error, fields);
  }

  /**
   * Writes one entry: the message (followed by {@code error}'s class and message, when there is
   * one), the thread's trace, {@code fields} as top-level string fields, and for an ERROR the stack
   * trace.
   */
  public void write(Severity severity, String message, Throwable error, Map<String, String> fields) {
    JsonLine line = begin(severity, error == null ? message : message + ": " + error, LogTrace.current());
    fields.forEach(line::string);
    if (error != null && severity.atLeast(Severity.ERROR)) {
      line.string("stack_trace", stackTrace(error));
    }
    emit(severity, line);
  }

  /**
   * Starts a line with the fields every entry has, for a writer that adds its own (the request
   * log); {@code trace} may be null.
   */
  public JsonLine begin(Severity severity, String message, LogTrace trace) {
    JsonLine line = new JsonLine()
        .string("severity", severity.name())
        .string("message", message)
        .string("time", clock.instant().toString());
    if (trace != null) {
      line.string("logging.googleapis.com/trace", trace.name())
          .string("logging.googleapis.com/spanId", trace.spanId());
    }
    return line;
  }

  /** Finishes a line {@link #begin begun} here and writes it. */
  public void emit(Severity severity, JsonLine line) {
    output.write(severity, line.finish());
  }

  private static String stackTrace(Throwable error) {
    StringWriter text = new StringWriter(1024);
    try (PrintWriter out = new PrintWriter(text)) {
      error.printStackTrace(out);
    }
    return text.toString();
  }
}
