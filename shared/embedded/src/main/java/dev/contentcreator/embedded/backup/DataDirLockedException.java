package dev.contentcreator.embedded.backup;

import java.io.IOException;

/** Thrown when another process (a running server) holds the data folder's lock. */
public final class DataDirLockedException extends IOException {
  private static final long serialVersionUID = 1L;

  public DataDirLockedException(String message) {
    super(message);
  }
}
