package dev.contentcreator.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The offline embedder: all-MiniLM-L6-v2 (quantised, 384 dimensions), a small sentence model that
 * its jar ships and ONNX Runtime runs in this process, so brand knowledge works with no network and
 * no key. The model loads on the first embedding (a few seconds), once per process. Thread-safe.
 */
public final class OfflineEmbedder implements dev.contentcreator.core.ports.Embedder {
  /** The name recorded with every vector this embedder makes. */
  public static final String MODEL = "all-minilm-l6-v2-q";
  public static final int DIMENSIONS = 384;
  private static final int BATCH = 64;

  private static final class Holder {
    static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
  }

  @Override
  public String model() {
    return MODEL;
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    Objects.requireNonNull(texts, "texts");
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += BATCH) {
      List<TextSegment> segments = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
          .map(t -> TextSegment.from(t.isBlank() ? " " : t)).toList();
      for (Embedding e : Holder.MODEL.embedAll(segments).content()) {
        vectors.add(e.vector());
      }
    }
    return vectors;
  }
}
