package dev.contentcreator.core.domain;

import java.time.Instant;

/** A shared workspace of contents. {@code version} grows by one on every change of its fields. */
public record Project(
    String id,
    String name,
    String description,
    boolean archived,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
