package dev.contentcreator.core.domain;

import dev.contentcreator.core.brand.Finding;
import java.time.Instant;
import java.util.List;

/**
 * One version of a content item: the text, or the stored media, and where it came from:
 * {@code generated} (with its job), {@code uploaded}, {@code edited} by a person, or {@code restored}
 * from an older one. {@code media} is null for a text. {@code knowledge} lists the passages of brand knowledge a generation was given (empty when
 * it asked for none). {@code findings} are what the project's brand
 * rules found in a generated text when it was made (empty when none, or for media).
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
    MediaInfo media,
    List<Finding> findings,
    List<KnowledgeSource> knowledge) {

  public ContentVersion {
    findings = findings == null ? List.of() : List.copyOf(findings);
    knowledge = knowledge == null ? List.of() : List.copyOf(knowledge);
  }

  /** A version that used no brand knowledge. */
  public ContentVersion(String contentId, String projectId, int number, String text, String blobKey,
      String contentType, Integer width, Integer height, Double durationSeconds, String source, String jobId,
      String provider, String model, String createdBy, Instant createdAt, MediaInfo media, List<Finding> findings) {
    this(contentId, projectId, number, text, blobKey, contentType, width, height, durationSeconds, source, jobId,
        provider, model, createdBy, createdAt, media, findings, List.of());
  }

  /** A version without findings. */
  public ContentVersion(String contentId, String projectId, int number, String text, String blobKey,
      String contentType, Integer width, Integer height, Double durationSeconds, String source, String jobId,
      String provider, String model, String createdBy, Instant createdAt, MediaInfo media) {
    this(contentId, projectId, number, text, blobKey, contentType, width, height, durationSeconds, source, jobId,
        provider, model, createdBy, createdAt, media, List.of(), List.of());
  }

  /** This version with {@code findings} in place of its own. */
  public ContentVersion withFindings(List<Finding> findings) {
    return new ContentVersion(contentId, projectId, number, text, blobKey, contentType, width, height,
        durationSeconds, source, jobId, provider, model, createdBy, createdAt, media, findings, knowledge);
  }

  /** This version with the passages of brand knowledge its generation used. */
  public ContentVersion withKnowledge(List<KnowledgeSource> knowledge) {
    return new ContentVersion(contentId, projectId, number, text, blobKey, contentType, width, height,
        durationSeconds, source, jobId, provider, model, createdBy, createdAt, media, findings, knowledge);
  }

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
