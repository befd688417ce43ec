package dev.contentcreator.core.generation;

import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.ports.ai.Progress;
import java.util.Objects;

/**
 * What the live stream hears about the items being run in this process, published through
 * {@link JobEvents}: a text starting again, its deltas, a provider's progress, and how an item
 * ended (completed or failed; a cancelled item shows in the job's document).
 */
final class ItemEvents {
  private final JobEvents events;

  ItemEvents(JobEvents events) {
    this.events = Objects.requireNonNull(events, "events");
  }

  /** A new try of the item streams its text from the start: what an earlier try streamed is void. */
  void restarted(String jobId, int index) {
    events.publish(jobId, JobEvents.reset(index));
  }

  /** Where a provider reports text deltas and progress of one item. */
  Progress progress(String jobId, int index) {
    return new Progress() {
      @Override
      public void textDelta(String delta) {
        events.publish(jobId, JobEvents.delta(index, delta));
      }

      @Override
      public void percent(int percent) {
        ItemEvents.this.percent(jobId, index, percent);
      }
    };
  }

  void percent(String jobId, int index, int percent) {
    events.publish(jobId, new JobEvent.Progress(index, percent));
  }

  void ended(GenerationItem item) {
    if (item.status() == GenerationItem.Status.CANCELLED) {
      return;
    }
    events.publish(item.jobId(), item.status() == GenerationItem.Status.COMPLETED
        ? new JobEvent.ItemCompleted(item.index(), item.contentId(), item.cached())
        : new JobEvent.ItemFailed(item.index(), item.failureReason()));
  }
}
