package dev.contentcreator.core.generation;

/**
 * What a follower of a job learns, in the order it happens: the job as it stands
 * ({@link Snapshot}), live news from the process that runs its items ({@link Live}), and the job
 * as it ended ({@link Ended}). The domain makes these; only {@link JobStream} turns them into
 * server-sent events, so the wire format lives in one place.
 */
public sealed interface JobEvent {

  /** The job and its items as read from the store. */
  record Snapshot(JobView job) implements JobEvent {}

  /** The job once it has ended: the last event of its stream. */
  record Ended(JobView job) implements JobEvent {}

  /** News that {@link JobEvents} carries inside one process, as it happens. */
  sealed interface Live extends JobEvent {
    /** The item the news is about. */
    int index();
  }

  /**
   * The item's text starts again (a new attempt): what came before is void. {@code epoch} names the
   * new text; {@link JobEvents} sets it, so a producer leaves it null.
   */
  record TextReset(int index, String epoch) implements Live {}

  /**
   * More of the item's text. {@code epoch} and {@code offset} (where {@code text} starts in it)
   * place it; {@link JobEvents} sets them, so a producer leaves them null and 0.
   */
  record TextDelta(int index, String text, String epoch, int offset) implements Live {}

  /** How far the provider says it is with the item, in percent. */
  record Progress(int index, int percent) implements Live {}

  /** The item was made: its content item, and whether it came from the cache. */
  record ItemCompleted(int index, String contentId, boolean cached) implements Live {}

  /** The item failed, for a reason a person can read. */
  record ItemFailed(int index, String failureReason) implements Live {}
}
