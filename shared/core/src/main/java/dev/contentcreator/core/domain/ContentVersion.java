package dev.contentcreator.core.domain;

import java.time.Instant;

/**
 * One version of a content item: the text, or the key of the stored media, and where it came from
 * (a generation job, a person's edit, a restore).
 */
public record ContentVersion(
    String contentId,
    int number,
    String text,
    String blobKey,
    String source,
    String jobId,
    String createdBy,
    Instant createdAt) {}
