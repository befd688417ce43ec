package dev.contentcreator.core.batches;

import java.time.Instant;

/**
 * One run of a batch: the due time it was started for (or the moment of a "run now"), how it was
 * started, and its generation job, whose state is the run's. The id, {@code <batchId>_<due epoch
 * second>} for scheduled runs, makes a due time start at most once whoever calls the scheduler.
 */
public record BatchRun(String id, String batchId, String projectId, Instant dueAt, String trigger, String jobId,
    String skipped, Instant startedAt) {}
