package dev.contentcreator.core.exports;

import java.time.Instant;

/**
 * A file built in the background ({@link BackgroundExports}): what it is of ({@code what} =
 * {@code run} with its batch, run and format {@code csv}, {@code jsonl} or {@code zip}; or
 * {@code media}, the project's gallery), who asked, its state ({@code queued}, {@code building},
 * {@code ready}, {@code failed} with {@code error}), and once ready where it is stored, its size and
 * when it is deleted. {@code linkKey} signs its download links on one machine; it never leaves
 * the server.
 */
public record ExportRecord(String id, String projectId, String createdBy, String what, String batchId, String runId,
    String format, String status, String fileName, String contentType, Long size, String blobKey, String linkKey,
    String error, Instant createdAt, Instant updatedAt, Instant expiresAt) {

  ExportRecord with(String status, String fileName, String contentType, Long size, String blobKey, String error,
      Instant now, Instant expiresAt) {
    return new ExportRecord(id, projectId, createdBy, what, batchId, runId, format, status, fileName, contentType, size,
        blobKey, linkKey, error, createdAt, now, expiresAt);
  }
}
