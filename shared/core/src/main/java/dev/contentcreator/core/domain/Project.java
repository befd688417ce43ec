package dev.contentcreator.core.domain;

import java.time.Instant;

/**
 * A shared workspace of contents. {@code version} grows by one on every change of its fields;
 * {@code brandVoice} may be null.
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
    long version) {}
