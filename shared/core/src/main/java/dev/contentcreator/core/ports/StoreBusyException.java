package dev.contentcreator.core.ports;

/**
 * The documents store could not do the work now, though it may succeed when tried again: a
 * transaction kept losing to concurrent ones, or the store was unreachable or too slow. The gateway
 * answers 503 with Retry-After; a task that meets it is retried by its queue.
 */
public class StoreBusyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreBusyException(String message, Throwable cause) {
    super(message, cause);
  }
}
