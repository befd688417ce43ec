package dev.contentcreator.embedded.backup;

import java.io.IOException;

/** Thrown when a backup folder is incomplete or a file in it does not match its manifest. */
public final class InvalidBackupException extends IOException {
  private static final long serialVersionUID = 1L;

  public InvalidBackupException(String message) {
    super(message);
  }

  public InvalidBackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
