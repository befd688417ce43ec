package dev.contentcreator.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.Vectors;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineEmbedderTest {
  private final OfflineEmbedder embedder = new OfflineEmbedder();

  @Test
  void eachTextGetsOneVectorOfTheModelsDimension() {
    List<float[]> vectors = embedder.embed(List.of("one", "two", "three"));
    assertEquals(3, vectors.size());
    vectors.forEach(v -> assertEquals(OfflineEmbedder.DIMENSIONS, v.length));
  }

  @Test
  void aTextIsNearerToOneOfItsMeaningThanToAnUnrelatedOne() {
    List<float[]> v = embedder.embed(List.of("Our return policy allows refunds within 30 days of purchase.",
        "How many days do customers have to ask for their money back?",
        "The office cat is called Pixel and likes sunny windows."));
    double related = Vectors.cosineDistance(v.get(0), v.get(1));
    double unrelated = Vectors.cosineDistance(v.get(2), v.get(1));
    assertTrue(related < unrelated, related + " should be below " + unrelated);
  }

  @Test
  void theSameTextGivesTheSameVector() {
    List<float[]> v = embedder.embed(List.of("brand colours are teal and sand", "brand colours are teal and sand"));
    assertEquals(0.0, Vectors.cosineDistance(v.get(0), v.get(1)), 1e-6);
  }
}
