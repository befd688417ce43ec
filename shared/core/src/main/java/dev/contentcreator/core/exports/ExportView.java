package dev.contentcreator.core.exports;

import java.time.Instant;

/**
 * A background export as the API shows it: its state and, once ready, a signed {@code downloadUrl}
 * that works until {@code downloadExpiresAt} (ask again for a fresh one while the file is kept,
 * until {@code expiresAt}).
 */
public record ExportView(String id, String projectId, String what, String batchId, String runId, String format,
    String status, String fileName, Long size, String error, Instant createdAt, Instant expiresAt, String downloadUrl,
    Instant downloadExpiresAt) {}
