package dev.contentcreator.core.batches;

import java.time.Instant;
import java.util.List;

/**
 * One run of a batch: the due time it was started for (or the moment of a "run now"), how it was
 * started, and its generation jobs, whose states make the run's. The id, {@code <batchId>_<due epoch
 * second>} for scheduled runs, makes a due time start at most once whoever calls the scheduler.
 *
 * <p>A run of more rows than one job may hold ({@code GENERATION_MAX_ITEMS}) is split into several
 * jobs, made in the same transaction: {@code jobs} lists each with the 1-based row numbers of its
 * items, in item order. {@code jobId} is the first job's, for readers that know of one only. Rows
 * that could not be sent when the run started (a prompt too long since the limit was lowered) are
 * in {@code skippedRows} with the reason; {@code skipped} is set when the whole run did not start.
 */
public record BatchRun(String id, String batchId, String projectId, Instant dueAt, String trigger, String jobId,
    String skipped, Instant startedAt, List<Job> jobs, List<SkippedRow> skippedRows) {

  public BatchRun {
    jobs = jobs == null ? (jobId == null ? List.of() : List.of(new Job(jobId, null))) : List.copyOf(jobs);
    skippedRows = skippedRows == null ? List.of() : List.copyOf(skippedRows);
  }

  /** One job of a run and the row numbers (from 1) its items stand for; null rows: item i is row i + 1. */
  public record Job(String jobId, List<Integer> rows) {
    public Job {
      rows = rows == null ? null : List.copyOf(rows);
    }

    /** The row number (from 1) of the job's item {@code index}. */
    public int row(int index) {
      return rows == null || index >= rows.size() ? index + 1 : rows.get(index);
    }
  }

  /** A row not sent with the run, and why. */
  public record SkippedRow(int row, String reason) {}
}
