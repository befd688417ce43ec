package dev.contentcreator.gcp.firestore;

import com.google.api.core.ApiFuture;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.VectorQuery;
import com.google.cloud.firestore.VectorQueryOptions;
import com.google.cloud.firestore.VectorValue;
import com.google.cloud.firestore.WriteBatch;
import dev.contentcreator.core.ports.Vectors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The vectors of brand knowledge in Firestore, collection {@code knowledgevectors}: one document
 * per passage with its vector in a vector field ({@code embedding}), found by Firestore's
 * nearest-neighbour query with cosine distance and a {@code projectId} equality pre-filter (the
 * vector index in {@code firestore.indexes.json} serves it). The client is made on first use.
 */
public final class FirestoreVectors implements Vectors {
  static final String COLLECTION = "knowledgevectors";
  private static final int BATCH = 400;
  private final Supplier<Firestore> connector;
  private volatile Firestore db;

  public FirestoreVectors(Supplier<Firestore> connector) {
    this.connector = Objects.requireNonNull(connector, "connector");
  }

  private Firestore db() {
    Firestore d = db;
    if (d == null) {
      synchronized (this) {
        if (db == null) {
          db = connector.get();
        }
        d = db;
      }
    }
    return d;
  }

  private CollectionReference collection() {
    return db().collection(COLLECTION);
  }

  /** One document per (project, passage): a hash of both, so any passage id fits a document id. */
  static String documentId(String projectId, String passageId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((projectId + "\n" + passageId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void upsert(String projectId, Entry entry) {
    upsertAll(projectId, List.of(Objects.requireNonNull(entry, "entry")));
  }

  @Override
  public void upsertAll(String projectId, List<Entry> entries) {
    Vectors.checkId("projectId", projectId);
    Embedding first = Vectors.sameSpace(projectId, entries);
    if (first == null) {
      return;
    }
    requireSame(projectId, first.model(), first.dimensions());
    for (int from = 0; from < entries.size(); from += BATCH) {
      WriteBatch batch = db().batch();
      for (Entry e : entries.subList(from, Math.min(entries.size(), from + BATCH))) {
        Map<String, Object> data = new HashMap<>();
        data.put("projectId", projectId);
        data.put("passageId", e.passageId());
        data.put("documentId", e.documentId());
        data.put("model", e.embedding().model());
        data.put("dimensions", e.embedding().dimensions());
        data.put("embedding", FieldValue.vector(toDoubles(e.embedding().values())));
        data.put("metadata", e.metadata());
        batch.set(collection().document(documentId(projectId, e.passageId())), data);
      }
      await(batch.commit(), "store vectors");
    }
  }

  /** Refuses a model or dimension other than the one a vector of the project already has. */
  private void requireSame(String projectId, String model, int dimensions) {
    List<QueryDocumentSnapshot> held = await(collection().whereEqualTo("projectId", projectId).limit(1).get(),
        "read a project's model").getDocuments();
    if (!held.isEmpty()) {
      String heldModel = held.get(0).getString("model");
      Long heldDims = held.get(0).getLong("dimensions");
      if (!model.equals(heldModel) || heldDims == null || heldDims != dimensions) {
        throw new MixedEmbeddingsException(projectId, heldModel, heldDims == null ? 0 : heldDims.intValue(), model,
            dimensions);
      }
    }
  }

  @Override
  public int deleteDocument(String projectId, String documentId) {
    Vectors.checkId("projectId", projectId);
    Vectors.checkId("documentId", documentId);
    return deleteAll(collection().whereEqualTo("projectId", projectId).whereEqualTo("documentId", documentId));
  }

  @Override
  public int deleteProject(String projectId) {
    Vectors.checkId("projectId", projectId);
    return deleteAll(collection().whereEqualTo("projectId", projectId));
  }

  private int deleteAll(com.google.cloud.firestore.Query query) {
    int removed = 0;
    while (true) {
      List<QueryDocumentSnapshot> page = await(query.select("passageId").limit(BATCH).get(), "find vectors to delete")
          .getDocuments();
      if (page.isEmpty()) {
        return removed;
      }
      WriteBatch batch = db().batch();
      page.forEach(d -> batch.delete(d.getReference()));
      await(batch.commit(), "delete vectors");
      removed += page.size();
    }
  }

  @Override
  public List<Neighbour> nearest(String projectId, Embedding query, int k) {
    Vectors.checkId("projectId", projectId);
    Objects.requireNonNull(query, "query");
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("k must be within 1.." + MAX_K + ", got: " + k);
    }
    requireSame(projectId, query.model(), query.dimensions());
    VectorQuery nearest = collection().whereEqualTo("projectId", projectId).findNearest("embedding",
        toDoubles(query.values()), k, VectorQuery.DistanceMeasure.COSINE,
        VectorQueryOptions.newBuilder().setDistanceResultField("distance").build());
    List<Neighbour> found = new ArrayList<>();
    for (QueryDocumentSnapshot d : await(nearest.get(), "find nearest vectors").getDocuments()) {
      @SuppressWarnings("unchecked")
      Map<String, String> metadata = (Map<String, String>) d.get("metadata");
      Double distance = d.getDouble("distance");
      found.add(new Neighbour(d.getString("passageId"), d.getString("documentId"),
          distance != null ? distance : Vectors.cosineDistance(query.values(), toFloats(d.get("embedding", VectorValue.class))),
          metadata));
    }
    return found;
  }

  @Override
  public void close() {
    Firestore d = db;
    if (d != null) {
      try {
        d.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the Firestore client failed", e);
      }
    }
  }

  private static double[] toDoubles(float[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return d;
  }

  private static float[] toFloats(VectorValue v) {
    double[] d = v.toArray();
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  private static <T> T await(ApiFuture<T> future, String what) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FirestoreStoreException(what + " was interrupted", e);
    } catch (ExecutionException e) {
      throw new FirestoreStoreException(what + " failed: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
