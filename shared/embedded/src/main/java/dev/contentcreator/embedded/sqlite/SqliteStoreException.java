package dev.contentcreator.embedded.sqlite;

/** A SQLite operation of an embedded adapter failed; the message names the operation. */
public final class SqliteStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SqliteStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public SqliteStoreException(String message) {
    super(message);
  }
}
