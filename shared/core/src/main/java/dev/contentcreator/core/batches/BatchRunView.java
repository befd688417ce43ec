package dev.contentcreator.core.batches;

import dev.contentcreator.core.json.OmitNulls;
import java.time.Instant;
import java.util.List;

/**
 * A run of a batch as the API shows it ({@code BatchRun} in docs/openapi.yaml): its fields,
 * {@code jobIds}, and what its jobs add up to (status, item counts, cost, the first failures by
 * row). A run that did not start has only its status, {@code skipped}; {@code started} is set only
 * in the answer to "run now". {@code flagged} counts the completed items the brand rules found
 * something in. Absent fields are left out.
 */
@OmitNulls
public record BatchRunView(String id, String batchId, String projectId, Instant dueAt, String trigger, String jobId,
    String skipped, Instant startedAt, List<RowNote> skippedRows, List<String> jobIds, String status, Integer items,
    Integer completed, Integer failed, Integer cancelled, Long costMicros, List<RowNote> failures, Boolean started, Integer flagged) {

  /** A row of the batch (from 1) and what happened to it: why it was left out, or why it failed. */
  public record RowNote(int row, String reason) {}

  /** The same run, as the answer to "run now": whether this call started it. */
  BatchRunView withStarted(boolean started) {
    return new BatchRunView(id, batchId, projectId, dueAt, trigger, jobId, skipped, startedAt, skippedRows, jobIds,
        status, items, completed, failed, cancelled, costMicros, failures, started, flagged);
  }
}
