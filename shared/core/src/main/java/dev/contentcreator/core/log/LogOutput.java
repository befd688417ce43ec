package dev.contentcreator.core.log;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Where finished log lines go. Each line is handed over as one array of bytes and written with one
 * call, so lines from concurrent requests never interleave and no lock is held while one is made.
 */
@FunctionalInterface
public interface LogOutput {
  void write(Severity severity, byte[] line);

  /**
   * As Cloud Run functions expect: entries below WARNING on standard output, the others on standard
   * error; both are read as structured entries. While {@link System#out} and {@link System#err} are
   * the streams the JVM started with, lines go straight to file descriptors 1 and 2 through
   * {@link #direct}, so requests do not queue on {@link PrintStream}'s lock while a line is written;
   * once a stream is replaced ({@link System#setOut}, a test runner's capture), lines go to the
   * replacement, looked up at each line.
   */
  static LogOutput standard() {
    return StandardStreams.OUTPUT;
  }

  /** Every line to one stream (a test's, a file's). */
  static LogOutput to(PrintStream out) {
    Objects.requireNonNull(out, "out");
    return (severity, line) -> writeTo(out, line);
  }

  /**
   * Every line to {@code raw}, an unbuffered stream over a file descriptor, without a lock shared by
   * all lines: the operating system writes a line of at most {@link DirectOutput#WHOLE_WRITE} bytes
   * in one piece (POSIX's {@code PIPE_BUF} for pipes; a regular file's position is taken under the
   * kernel's own lock), so such lines are written side by side, each holding only a shared lock. A
   * longer line may be split by a pipe, so it takes the lock alone and waits for the lines being
   * written.
   */
  static LogOutput direct(OutputStream raw) {
    return new DirectOutput(raw);
  }

  private static void writeTo(PrintStream out, byte[] line) {
    out.write(line, 0, line.length);
    out.flush();
  }

  /** See {@link #direct}. */
  final class DirectOutput implements LogOutput {
    /** The longest write POSIX keeps whole on a pipe ({@code PIPE_BUF}, 4096 on Linux). */
    static final int WHOLE_WRITE = 4096;

    private final OutputStream raw;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    private DirectOutput(OutputStream raw) {
      this.raw = Objects.requireNonNull(raw, "raw");
    }

    @Override
    public void write(Severity severity, byte[] line) {
      var held = line.length <= WHOLE_WRITE ? lock.readLock() : lock.writeLock();
      held.lock();
      try {
        raw.write(line);
      } catch (IOException e) {
        throw new UncheckedIOException("could not write a log line", e);
      } finally {
        held.unlock();
      }
    }
  }

  /** The JVM's own standard streams, kept to tell whether they have been replaced since. */
  final class StandardStreams {
    private static final PrintStream STARTED_OUT = System.out;
    private static final PrintStream STARTED_ERR = System.err;
    // A subclass is a runner's capture (Maven Surefire's, an IDE's), installed before this class
    // loads: its owner reads what goes through it, so lines must not bypass it.
    private static final boolean DIRECT = STARTED_OUT.getClass() == PrintStream.class
        && STARTED_ERR.getClass() == PrintStream.class;
    private static final LogOutput OUT = direct(new FileOutputStream(FileDescriptor.out));
    private static final LogOutput ERR = direct(new FileOutputStream(FileDescriptor.err));
    static final LogOutput OUTPUT = (severity, line) -> {
      boolean error = severity.atLeast(Severity.WARNING);
      PrintStream now = error ? System.err : System.out;
      if (DIRECT && now == (error ? STARTED_ERR : STARTED_OUT)) {
        (error ? ERR : OUT).write(severity, line);
      } else {
        writeTo(now, line);
      }
    };

    private StandardStreams() {}
  }
}
