package dev.contentcreator.core.log;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Where finished log lines go. Each line is handed over as one array of bytes and written with one
 * call, so lines from concurrent requests never interleave and no lock is held while one is made.
 */
@FunctionalInterface
public interface LogOutput {
  void write(Severity severity, byte[] line);

  /**
   * As Cloud Run functions expect: entries below WARNING on standard output, the others on standard
   * error; both are read as structured entries. The streams are looked up at each line, so a
   * stream replaced with {@link System#setOut} is honoured.
   */
  static LogOutput standard() {
    return (severity, line) -> writeTo(severity.atLeast(Severity.WARNING) ? System.err : System.out, line);
  }

  /** Every line to one stream (a test's, a file's). */
  static LogOutput to(PrintStream out) {
    Objects.requireNonNull(out, "out");
    return (severity, line) -> writeTo(out, line);
  }

  private static void writeTo(PrintStream out, byte[] line) {
    out.write(line, 0, line.length);
    out.flush();
  }
}
