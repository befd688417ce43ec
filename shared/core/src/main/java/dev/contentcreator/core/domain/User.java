package dev.contentcreator.core.domain;

import java.time.Instant;

/**
 * A person known to the product, created the first time their token is seen. {@code emailVerified}
 * is what their latest token said about the address (false for records made before it was kept).
 */
public record User(
    String uid,
    String email,
    String displayName,
    String photoUrl,
    Instant createdAt,
    Instant updatedAt,
    long version,
    boolean emailVerified) {}
