package dev.contentcreator.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A template run over many rows of variables on a schedule ({@code once at ...} or a cron in a time
 * zone). Each run is a generation job whose items are the rows, at most {@code maxConcurrent} at a
 * time (0: no cap) and within {@code budgetMicros} (0: no budget). {@code lastDueAt} is the due time
 * of the last scheduled run; due times after it and after {@code notBefore} are still to come.
 * {@code lastError} and {@code lastErrorAt} say why the scheduler last failed to start a run of this
 * batch for a reason it did not expect (null once a run starts again).
 * {@code scheduledBy} is the person who last set it going (created, resumed or rescheduled it):
 * scheduled runs are charged to that person's monthly limits; a run started now, to whoever
 * started it.
 */
public record Batch(
    String id,
    String projectId,
    String name,
    String templateId,
    ContentKind kind,
    List<Map<String, String>> rows,
    String schedule,
    String timeZone,
    boolean paused,
    int maxConcurrent,
    long budgetMicros,
    String provider,
    String model,
    Map<String, String> options,
    Instant notBefore,
    Instant lastDueAt,
    String lastRunId,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version,
    String lastError,
    Instant lastErrorAt,
    String scheduledBy) {

  public Batch {
    rows = rows == null ? List.of() : List.copyOf(rows);
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /** Who a scheduled run is charged to: who last set the batch going (its creator for older batches). */
  public String chargedForSchedule() {
    return scheduledBy != null ? scheduledBy : createdBy;
  }
}
