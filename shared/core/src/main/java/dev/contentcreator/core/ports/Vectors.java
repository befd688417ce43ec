package dev.contentcreator.core.ports;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The vectors port: the embedded passages of a project's brand knowledge and their nearest
 * neighbours by cosine distance. Adapters: rows in the SQLite file (float32 blobs, scanned per
 * project) on one machine, Firestore vector fields and its nearest-neighbour query in production.
 * Every adapter passes {@code VectorsContract}, which holds each to a brute-force reference.
 *
 * <p>Every vector records the model that made it and its dimension; a project holds vectors of one
 * model and dimension only, and a vector or query of another is refused ({@link MixedEmbeddingsException}),
 * so distances are never taken between spaces that do not agree.
 */
public interface Vectors extends AutoCloseable {

  /** The most neighbours one query may ask for (Firestore's own limit). */
  int MAX_K = 1000;

  /** Stores (or replaces) the passage's vector, with its document and metadata. */
  void upsert(String projectId, Entry entry);

  /** Stores many at once (same rules as {@link #upsert}); adapters may batch them. */
  default void upsertAll(String projectId, List<Entry> entries) {
    for (Entry e : entries) {
      upsert(projectId, e);
    }
  }

  /** Removes every vector of the document; returns how many it removed. */
  int deleteDocument(String projectId, String documentId);

  /** Removes every vector of the project (its deletion); returns how many it removed. */
  int deleteProject(String projectId);

  /**
   * The {@code k} passages of the project nearest to {@code query} by cosine distance (1 - cosine
   * similarity), nearest first. Empty when the project has none.
   *
   * @throws MixedEmbeddingsException when the project's vectors were made by another model or
   *     have another dimension
   */
  List<Neighbour> nearest(String projectId, Embedding query, int k);

  @Override
  default void close() {}

  /** A vector and the model that made it. */
  record Embedding(String model, float[] values) {
    public Embedding {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(values, "values");
      if (model.isBlank()) {
        throw new IllegalArgumentException("an embedding names its model");
      }
      if (values.length == 0 || values.length > 4096) {
        throw new IllegalArgumentException("an embedding has 1 to 4096 dimensions, got: " + values.length);
      }
      for (float v : values) {
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException("an embedding's values are finite numbers");
        }
      }
    }

    public int dimensions() {
      return values.length;
    }
  }

  /** One passage's vector, the document it came from, and small metadata (strings) kept beside it. */
  record Entry(String passageId, String documentId, Embedding embedding, Map<String, String> metadata) {
    public Entry {
      checkId("passageId", passageId);
      checkId("documentId", documentId);
      Objects.requireNonNull(embedding, "embedding");
      metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
  }

  /** A passage found near a query: its id, document, cosine distance, and its metadata. */
  record Neighbour(String passageId, String documentId, double distance, Map<String, String> metadata) {
    public Neighbour {
      metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
  }

  /** Refused: vectors of two models or dimensions in one project. */
  final class MixedEmbeddingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MixedEmbeddingsException(String projectId, String heldModel, int heldDimensions, String model, int dimensions) {
      super("project " + projectId + " holds vectors of " + heldModel + " (" + heldDimensions + " dimensions); "
          + model + " (" + dimensions + " dimensions) does not mix with them: rebuild the index");
    }
  }

  /**
   * The embedding of the first of {@code entries}, checked to share its model and dimension with
   * every other one (null for none), so an adapter stores a batch of one space or nothing.
   *
   * @throws MixedEmbeddingsException when two entries disagree
   */
  static Embedding sameSpace(String projectId, List<Entry> entries) {
    if (entries.isEmpty()) {
      return null;
    }
    Embedding first = entries.get(0).embedding();
    for (Entry e : entries) {
      if (!e.embedding().model().equals(first.model()) || e.embedding().dimensions() != first.dimensions()) {
        throw new MixedEmbeddingsException(projectId, first.model(), first.dimensions(), e.embedding().model(),
            e.embedding().dimensions());
      }
    }
    return first;
  }

  /** An id of a passage, a document or a project: 1 to 200 letters, digits, dashes and underscores. */
  static String checkId(String what, String id) {
    if (id == null || !id.matches("[A-Za-z0-9_-]{1,200}")) {
      throw new IllegalArgumentException(what + " is 1 to 200 letters, digits, dashes and underscores, got: " + id);
    }
    return id;
  }

  /** Cosine distance of two vectors of one length: 1 - cos; 1 when either is all zeros. */
  static double cosineDistance(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " dimensions");
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    if (na == 0 || nb == 0) {
      return 1;
    }
    return 1 - dot / (Math.sqrt(na) * Math.sqrt(nb));
  }
}
