package dev.contentcreator.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.Vectors;
import dev.contentcreator.core.ports.Vectors.Embedding;
import dev.contentcreator.core.ports.Vectors.Entry;
import dev.contentcreator.core.ports.Vectors.Neighbour;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Vectors} adapter passes: extend it and say how to make an empty
 * adapter. Its nearest-neighbour answers are held to a brute-force reference (every distance
 * computed, sorted) on a fixed set made from a fixed seed, so an approximate index that misses a
 * neighbour, or a distance of another kind, fails here.
 */
public abstract class VectorsContract {
  private static final String MODEL = "contract-model";
  private static final int DIMS = 24;
  private static final double TOLERANCE = 1e-4;

  /** A fresh, empty adapter. */
  protected abstract Vectors vectors() throws Exception;

  /** The fixed set: 240 passages over 4 documents of project p1, 40 over 1 document of p2. */
  private static List<Entry> seeded(String project) {
    Random random = new Random(project.equals("p1") ? 20261203L : 7L);
    int n = project.equals("p1") ? 240 : 40;
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String doc = project + "-doc" + (i % (project.equals("p1") ? 4 : 1));
      entries.add(new Entry(project + "-passage-" + i, doc, new Embedding(MODEL, randomVector(random)),
          Map.of("index", Integer.toString(i), "documentName", doc + ".md")));
    }
    return entries;
  }

  private static float[] randomVector(Random random) {
    float[] v = new float[DIMS];
    for (int i = 0; i < DIMS; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }

  /** The reference: every distance computed, sorted nearest first, the first k kept. */
  private static List<Neighbour> bruteForce(List<Entry> entries, float[] query, int k) {
    List<Neighbour> all = new ArrayList<>();
    for (Entry e : entries) {
      all.add(new Neighbour(e.passageId(), e.documentId(), Vectors.cosineDistance(query, e.embedding().values()),
          e.metadata()));
    }
    all.sort(Comparator.comparingDouble(Neighbour::distance).thenComparing(Neighbour::passageId));
    return all.subList(0, Math.min(k, all.size()));
  }

  private static void assertSameNeighbours(List<Neighbour> expected, List<Neighbour> actual) {
    assertEquals(expected.stream().map(Neighbour::passageId).toList(), actual.stream().map(Neighbour::passageId).toList());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).distance(), actual.get(i).distance(), TOLERANCE, "distance of " + expected.get(i).passageId());
      assertEquals(expected.get(i).documentId(), actual.get(i).documentId());
    }
  }

  private static Vectors seed(Vectors v) {
    v.upsertAll("p1", seeded("p1"));
    v.upsertAll("p2", seeded("p2"));
    return v;
  }

  @Test
  void nearestEqualsTheBruteForceReferenceOnTheFixedSet() throws Exception {
    Vectors v = seed(vectors());
    Random queries = new Random(99);
    for (int q = 0; q < 12; q++) {
      float[] query = randomVector(queries);
      int k = 1 + q % 10;
      assertSameNeighbours(bruteForce(seeded("p1"), query, k), v.nearest("p1", new Embedding(MODEL, query), k));
    }
  }

  @Test
  void aStoredVectorIsItsOwnNearestAtDistanceZero() throws Exception {
    Vectors v = seed(vectors());
    Entry some = seeded("p1").get(17);
    List<Neighbour> found = v.nearest("p1", some.embedding(), 3);
    assertEquals(some.passageId(), found.get(0).passageId());
    assertEquals(0.0, found.get(0).distance(), TOLERANCE);
    assertEquals(some.metadata(), found.get(0).metadata());
  }

  @Test
  void askingForMoreThanAProjectHoldsGivesAllOfItsOwn() throws Exception {
    Vectors v = seed(vectors());
    float[] query = randomVector(new Random(5));
    List<Neighbour> found = v.nearest("p2", new Embedding(MODEL, query), 100);
    assertSameNeighbours(bruteForce(seeded("p2"), query, 100), found);
    assertTrue(found.stream().allMatch(n -> n.passageId().startsWith("p2-")));
  }

  @Test
  void aProjectWithoutVectorsFindsNothing() throws Exception {
    Vectors v = seed(vectors());
    assertEquals(List.of(), v.nearest("p3", new Embedding(MODEL, randomVector(new Random(1))), 5));
  }

  @Test
  void storingAPassageAgainReplacesItsVector() throws Exception {
    Vectors v = seed(vectors());
    float[] far = randomVector(new Random(42));
    v.upsert("p2", new Entry("p2-passage-3", "p2-doc0", new Embedding(MODEL, far), Map.of("index", "replaced")));
    List<Neighbour> found = v.nearest("p2", new Embedding(MODEL, far), 1);
    assertEquals("p2-passage-3", found.get(0).passageId());
    assertEquals("replaced", found.get(0).metadata().get("index"));
    assertEquals(40, v.nearest("p2", new Embedding(MODEL, far), 100).size());
  }

  @Test
  void deletingADocumentRemovesItsVectorsAndNoOthers() throws Exception {
    Vectors v = seed(vectors());
    assertEquals(60, v.deleteDocument("p1", "p1-doc2"));
    List<Entry> left = seeded("p1").stream().filter(e -> !e.documentId().equals("p1-doc2")).toList();
    float[] query = randomVector(new Random(11));
    assertSameNeighbours(bruteForce(left, query, 1000), v.nearest("p1", new Embedding(MODEL, query), 1000));
    assertEquals(0, v.deleteDocument("p1", "p1-doc2"));
    assertEquals(40, v.nearest("p2", new Embedding(MODEL, query), 1000).size());
  }

  @Test
  void deletingAProjectRemovesAllOfItsVectorsOnly() throws Exception {
    Vectors v = seed(vectors());
    assertEquals(240, v.deleteProject("p1"));
    float[] query = randomVector(new Random(12));
    assertEquals(List.of(), v.nearest("p1", new Embedding(MODEL, query), 5));
    assertEquals(5, v.nearest("p2", new Embedding(MODEL, query), 5).size());
  }

  @Test
  void vectorsOfAnotherDimensionOrModelDoNotMixIntoAProject() throws Exception {
    Vectors v = seed(vectors());
    assertThrows(Vectors.MixedEmbeddingsException.class, () -> v.upsert("p1",
        new Entry("other", "p1-doc0", new Embedding(MODEL, new float[] {1, 2, 3}), Map.of())));
    assertThrows(Vectors.MixedEmbeddingsException.class, () -> v.upsert("p1",
        new Entry("other", "p1-doc0", new Embedding("another-model", randomVector(new Random(3))), Map.of())));
    assertThrows(Vectors.MixedEmbeddingsException.class,
        () -> v.nearest("p1", new Embedding(MODEL, new float[] {1, 2, 3}), 5));
    assertThrows(Vectors.MixedEmbeddingsException.class,
        () -> v.nearest("p1", new Embedding("another-model", randomVector(new Random(3))), 5));
    // Another project may hold another model: the rule is per project.
    v.upsert("p9", new Entry("x", "d", new Embedding("another-model", new float[] {1, 0, 0}), Map.of()));
    assertEquals("x", v.nearest("p9", new Embedding("another-model", new float[] {1, 0.1f, 0}), 1).get(0).passageId());
  }

  @Test
  void badArgumentsAreRefused() throws Exception {
    Vectors v = vectors();
    Embedding e = new Embedding(MODEL, randomVector(new Random(1)));
    assertThrows(IllegalArgumentException.class, () -> v.nearest("p1", e, 0));
    assertThrows(IllegalArgumentException.class, () -> v.nearest("p1", e, Vectors.MAX_K + 1));
    assertThrows(IllegalArgumentException.class, () -> v.nearest("p/1", e, 1));
    assertThrows(IllegalArgumentException.class, () -> v.deleteDocument("p1", ""));
  }
}
