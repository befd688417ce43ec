package dev.contentcreator.openai;

import com.openai.client.OpenAIClient;
import com.openai.errors.OpenAIException;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.Embedding;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.contentcreator.core.ports.Embedder;
import dev.contentcreator.core.ports.ai.LazyClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Brand knowledge's embeddings from OpenAI ({@code EMBEDDER=openai}): {@code OPENAI_EMBEDDING_MODEL}
 * (text-embedding-3-small) asked for {@code EMBEDDING_DIMENSIONS} (384, the vector index's), through
 * the OpenAI client the provider uses. A failure is an {@link IOException} whose cause is the
 * classified {@link dev.contentcreator.core.ports.ai.ProviderException}, which the platform's guard
 * (retry, circuit breaker) reads.
 */
public final class OpenAiEmbedder implements Embedder {
  private static final int BATCH = 256;
  private final LazyClient<OpenAiSettings, OpenAIClient> client;
  private final OpenAiErrors errors;
  private final String model;
  private final int dimensions;

  OpenAiEmbedder(LazyClient<OpenAiSettings, OpenAIClient> client, OpenAiErrors errors, String model, int dimensions) {
    this.client = Objects.requireNonNull(client, "client");
    this.errors = Objects.requireNonNull(errors, "errors");
    this.model = Objects.requireNonNull(model, "model");
    if (dimensions < 1 || dimensions > 4096) {
      throw new IllegalArgumentException("EMBEDDING_DIMENSIONS must be from 1 to 4096, got: " + dimensions);
    }
    this.dimensions = dimensions;
  }

  @Override
  public String model() {
    return "openai/" + model + "@" + dimensions;
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public String guardName() {
    return "openai";
  }

  @Override
  public List<float[]> embed(List<String> texts) throws IOException {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += BATCH) {
      List<String> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
          .map(t -> t.isBlank() ? " " : t).toList();
      CreateEmbeddingResponse answer;
      try {
        answer = client.get().embeddings().create(EmbeddingCreateParams.builder().model(model)
            .inputOfArrayOfStrings(batch).dimensions(dimensions).build());
      } catch (OpenAIException e) {
        var failure = SdkFailures.classify(errors, e);
        throw new IOException("OpenAI embeddings failed: " + failure.userMessage(), failure);
      }
      List<Embedding> data = new ArrayList<>(answer.data());
      if (data.size() != batch.size()) {
        throw new IOException("OpenAI embeddings answered " + data.size() + " vectors for " + batch.size() + " texts",
            errors.malformed("wrong number of embeddings"));
      }
      data.sort(Comparator.comparingLong(Embedding::index));
      for (Embedding e : data) {
        List<Float> values = e.embedding();
        if (values.size() != dimensions) {
          throw new IOException("OpenAI embeddings answered " + values.size() + " dimensions, not " + dimensions,
              errors.malformed("wrong embedding dimension"));
        }
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = values.get(i);
        }
        vectors.add(v);
      }
    }
    return vectors;
  }
}
