package dev.contentcreator.core.log;

import java.util.Objects;

/**
 * The trace a log entry belongs to, as Cloud Logging names it: {@code name} is
 * {@code projects/<project>/traces/<trace id>}, {@code spanId} the span (or null). The request
 * pipeline puts the trace of the request it serves on its thread for as long as it serves it, so
 * whatever a handler logs meanwhile is filed under that request.
 */
public record LogTrace(String name, String spanId) {
  private static final ThreadLocal<LogTrace> CURRENT = new ThreadLocal<>();

  public LogTrace {
    Objects.requireNonNull(name, "name");
  }

  /** The trace of the request this thread serves, or null. */
  public static LogTrace current() {
    return CURRENT.get();
  }

  /**
   * Makes {@code trace} (null for none) this thread's until the scope closes, when the one before
   * it is restored.
   */
  public static Scope enter(LogTrace trace) {
    LogTrace before = CURRENT.get();
    CURRENT.set(trace);
    return before == null ? CURRENT::remove : () -> CURRENT.set(before);
  }

  /** Ends what {@link #enter} began; closing twice is harmless. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
