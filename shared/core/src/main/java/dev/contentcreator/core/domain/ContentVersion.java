package dev.contentcreator.core.domain;

import java.time.Instant;

/**
 * One version of a content item: the text, or the stored media, and where it came from:
 * {@code generated} (with its job), {@code edited} by a person, or {@code restored} from an older one.
 */
public record ContentVersion(
    String contentId,
    String projectId,
    int number,
    String text,
    String blobKey,
    String contentType,
    Integer width,
    Integer height,
    Double durationSeconds,
    String source,
    String jobId,
    String provider,
    String model,
    String createdBy,
    Instant createdAt) {

  public static String documentId(String contentId, int number) {
    return contentId + "_" + number;
  }
}
