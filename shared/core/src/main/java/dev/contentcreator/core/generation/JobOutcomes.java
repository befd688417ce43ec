package dev.contentcreator.core.generation;

import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;

/**
 * Told by {@link JobLedger}, after the transaction that wrote it, when a job has ended (it took
 * its final counts) and when an item failed. Each may be told more than once for the same end
 * (two items settling at once), so a listener must be idempotent; it must not throw and must not
 * be slow (it runs on the item runner's thread).
 */
public interface JobOutcomes {
  JobOutcomes NONE = new JobOutcomes() {
    @Override
    public void jobEnded(GenerationJob job) { }

    @Override
    public void itemFailed(GenerationItem item) { }
  };

  void jobEnded(GenerationJob job);

  void itemFailed(GenerationItem item);
}
