package dev.contentcreator.embedded.queue;

/**
 * How many tasks of a queue, or deliveries of a topic, are in each state. For a topic,
 * {@code done} counts acknowledged deliveries.
 */
public record QueueStats(String name, long pending, long running, long done, long dead) {

  /** Everything not yet finished: pending and running. */
  public long outstanding() {
    return pending + running;
  }
}
