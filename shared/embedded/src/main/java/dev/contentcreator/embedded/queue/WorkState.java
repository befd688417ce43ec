package dev.contentcreator.embedded.queue;

import java.util.Locale;

/** Where a task or a delivery stands. */
public enum WorkState {
  /** Waiting for its due time or for a free worker. */
  PENDING,
  /** Leased to a worker that is running it. */
  RUNNING,
  /** Finished (a task returned, a delivery was acknowledged); kept for the retention window. */
  DONE,
  /** Out of attempts; kept with its last error until someone deals with it. */
  DEAD;

  String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  static WorkState ofColumn(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
