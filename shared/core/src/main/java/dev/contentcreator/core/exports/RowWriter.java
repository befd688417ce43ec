package dev.contentcreator.core.exports;

import java.io.IOException;
import java.util.List;

/** Writes a run's rows in one format: the variable columns first, then row by row. */
interface RowWriter extends AutoCloseable {
  /** Begins the file; {@code variables} are the variable columns in order. */
  void start(List<String> variables) throws IOException;

  void write(RunExports.Row row) throws IOException;

  /** Sends what is written so far to the client. */
  void flush() throws IOException;

  /** Ends the file and flushes it; the response's stream is closed by its owner. */
  @Override
  void close() throws IOException;
}
