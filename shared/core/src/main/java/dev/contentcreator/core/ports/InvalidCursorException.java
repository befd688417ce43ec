package dev.contentcreator.core.ports;

/** A cursor that no page of this query gave out. */
public final class InvalidCursorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidCursorException(String message) {
    super(message);
  }
}
