package dev.contentcreator.core.domain;

import java.time.Instant;

/** A person known to the product, created the first time their token is seen. */
public record User(
    String uid,
    String email,
    String displayName,
    String photoUrl,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
