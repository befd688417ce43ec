package dev.contentcreator.core.batches;

import dev.contentcreator.core.domain.Batch;
import dev.contentcreator.core.domain.ContentKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A batch as the API shows it ({@code Batch} in docs/openapi.yaml): every field, unset ones as null. */
public record BatchView(String id, String projectId, String name, String templateId, ContentKind kind,
    List<Map<String, String>> rows, String schedule, String timeZone, boolean paused, int maxConcurrent,
    long budgetMicros, String provider, String model, Map<String, String> options, Instant notBefore,
    Instant lastDueAt, String lastRunId, String createdBy, Instant createdAt, Instant updatedAt, long version,
    String lastError, Instant lastErrorAt, String scheduledBy) {

  static BatchView of(Batch b) {
    return new BatchView(b.id(), b.projectId(), b.name(), b.templateId(), b.kind(), b.rows(), b.schedule(),
        b.timeZone(), b.paused(), b.maxConcurrent(), b.budgetMicros(), b.provider(), b.model(), b.options(),
        b.notBefore(), b.lastDueAt(), b.lastRunId(), b.createdBy(), b.createdAt(), b.updatedAt(), b.version(),
        b.lastError(), b.lastErrorAt(), b.scheduledBy());
  }
}
