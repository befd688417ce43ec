package dev.contentcreator.core.ports;

import java.util.List;

/**
 * The embedder port: text to vectors for brand knowledge. Adapters: a small sentence model shipped
 * in a jar that runs offline ({@code EMBEDDER=offline}, the default), or a provider's embeddings
 * endpoint ({@code EMBEDDER=openai}). Each says its model and dimension, recorded with every vector.
 */
public interface Embedder {

  /** The model's name as recorded with each vector, such as {@code all-minilm-l6-v2-q}. */
  String model();

  /** How many numbers each vector has. */
  int dimensions();

  /** One vector per text, in order; each of {@link #dimensions()} numbers. */
  List<float[]> embed(List<String> texts) throws java.io.IOException;

  /**
   * The name of the outside service this embedder calls, whose resilience policy (retry, circuit
   * breaker) guards each call; null for an embedder that runs in the process.
   */
  default String guardName() {
    return null;
  }

  /** One text's vector. */
  default Vectors.Embedding embedOne(String text) throws java.io.IOException {
    return new Vectors.Embedding(model(), embed(List.of(text)).get(0));
  }
}
