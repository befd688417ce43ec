package dev.contentcreator.core.knowledge;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;

/**
 * The limits of brand knowledge: the largest document ({@code KNOWLEDGE_MAX_UPLOAD_BYTES}), the
 * most passages one may have ({@code KNOWLEDGE_MAX_PASSAGES}), up to how many passages a document
 * is indexed within the request that adds it ({@code KNOWLEDGE_INLINE_PASSAGES}; larger ones go to
 * the background through the tasks port), and how many passages a generation takes
 * ({@code KNOWLEDGE_TOP_K}).
 */
public record KnowledgeSettings(long maxUploadBytes, int maxPassages, int inlinePassages, int topK) {
  public KnowledgeSettings {
    if (maxUploadBytes < 1) {
      throw new IllegalArgumentException("KNOWLEDGE_MAX_UPLOAD_BYTES must be positive, got: " + maxUploadBytes);
    }
    if (maxPassages < 1) {
      throw new IllegalArgumentException("KNOWLEDGE_MAX_PASSAGES must be positive, got: " + maxPassages);
    }
    if (inlinePassages < 0) {
      throw new IllegalArgumentException("KNOWLEDGE_INLINE_PASSAGES must not be negative, got: " + inlinePassages);
    }
    if (topK < 1 || topK > 20) {
      throw new IllegalArgumentException("KNOWLEDGE_TOP_K must be from 1 to 20, got: " + topK);
    }
  }

  public static KnowledgeSettings from(Config config) {
    return new KnowledgeSettings(config.get(Settings.KNOWLEDGE_MAX_UPLOAD_BYTES), config.get(Settings.KNOWLEDGE_MAX_PASSAGES),
        config.get(Settings.KNOWLEDGE_INLINE_PASSAGES), config.get(Settings.KNOWLEDGE_TOP_K));
  }
}
