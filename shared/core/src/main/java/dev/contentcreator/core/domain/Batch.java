package dev.contentcreator.core.domain;

import java.time.Instant;

/** A template run over many rows of variables on a schedule. (Type only for now.) */
public record Batch(
    String id,
    String projectId,
    String templateId,
    String schedule,
    String timeZone,
    boolean paused,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
