package dev.contentcreator.core.domain;

import java.time.Instant;

/**
 * A piece of content in a project: a text, an image or a video. Its body lives in versions;
 * {@code currentVersion} names the one shown, {@code latestVersion} the newest.
 */
public record ContentItem(
    String id,
    String projectId,
    ContentKind kind,
    String title,
    int currentVersion,
    int latestVersion,
    String preview,
    String jobId,
    boolean demo,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
