package dev.contentcreator.core.domain;

import java.time.Instant;

/**
 * A shared workspace of contents. {@code version} grows by one on every change of its fields;
 * {@code brandVoice} may be null. {@code batchRunsChargeCreator}, which only an owner may set,
 * charges every run of a batch to the batch's creator instead of to the person who started it.
 */
public record Project(
    String id,
    String name,
    String description,
    boolean archived,
    BrandVoice brandVoice,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version,
    boolean batchRunsChargeCreator) {}
