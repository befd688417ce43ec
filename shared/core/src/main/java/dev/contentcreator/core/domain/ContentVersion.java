package dev.contentcreator.core.domain;

import java.time.Instant;

/**
 * One version of a content item: the text, or the stored media, and where it came from:
 * {@code generated} (with its job), {@code uploaded}, {@code edited} by a person, or {@code restored}
 * from an older one. {@code media} is null for a text.
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
    Instant createdAt,
    MediaInfo media) {

  /**
   * What processing found out about a version's media and where its renditions are: the content
   * hash of the original, its size and type, a placeholder colour and BlurHash, and the blob keys of
   * the thumbnails and the poster by name ({@code thumb-256}, {@code thumb-1024}, {@code poster}).
   */
  public record MediaInfo(String sha256, long byteSize, String sourceType, String dominantColor, String blurHash,
      java.util.Map<String, String> renditions, java.util.Map<String, String> renditionTypes) {
    public MediaInfo {
      renditions = renditions == null ? java.util.Map.of() : java.util.Map.copyOf(renditions);
      renditionTypes = renditionTypes == null ? java.util.Map.of() : java.util.Map.copyOf(renditionTypes);
    }
  }

  public static String documentId(String contentId, int number) {
    return contentId + "_" + number;
  }
}
