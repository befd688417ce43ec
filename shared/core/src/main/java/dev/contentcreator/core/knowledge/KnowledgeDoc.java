package dev.contentcreator.core.knowledge;

import java.time.Instant;

/**
 * A document of a project's brand knowledge as stored (collection {@code knowledgedocs}): its name,
 * kind, where it came from (an upload, or a web address), its size, and how far its indexing got:
 * {@code queued}, {@code indexing}, {@code ready} (with its passages and the model that embedded
 * them) or {@code failed} (with a reason a person can read).
 */
public record KnowledgeDoc(
    String id,
    String projectId,
    String name,
    String kind,
    String source,
    String url,
    long byteSize,
    String status,
    String reason,
    int passageCount,
    String model,
    int dimensions,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  public static final String QUEUED = "queued";
  public static final String INDEXING = "indexing";
  public static final String READY = "ready";
  public static final String FAILED = "failed";

  KnowledgeDoc withStatus(String status, String reason, int passageCount, String model, int dimensions, Instant now) {
    return new KnowledgeDoc(id, projectId, name, kind, source, url, byteSize, status, reason, passageCount, model,
        dimensions, createdBy, createdAt, now);
  }
}
