package dev.contentcreator.embedded.vectors;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import dev.contentcreator.core.ports.Vectors;
import dev.contentcreator.embedded.sqlite.SqliteFile;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The vectors of brand knowledge in the SQLite file, table {@code knowledge_vectors}: one row per
 * passage, its vector a little-endian float32 blob. A nearest-neighbour query reads the project's
 * rows and keeps the {@code k} nearest in a bounded heap: an exact scan, which at a project's scale
 * (thousands of passages) takes milliseconds (see {@code bench/knowledge.sh}). Thread-safe.
 */
public final class SqliteVectors implements Vectors {
  private static final Gson GSON = new Gson();
  private static final Type METADATA = new TypeToken<Map<String, String>>() {}.getType();
  private final SqliteFile file;

  private SqliteVectors(SqliteFile file) {
    this.file = file;
  }

  /** Opens the vectors in {@code path} (the documents' file), bringing its schema up to date. */
  public static SqliteVectors open(Path path, Duration busyTimeout) {
    return new SqliteVectors(SqliteFile.open(Objects.requireNonNull(path, "path"), "vectors", busyTimeout, 2));
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
    file.write("store vectors", c -> {
      requireSame(c, projectId, first);
      try (PreparedStatement put = c.prepareStatement("INSERT INTO knowledge_vectors"
          + " (project_id, passage_id, document_id, model, dims, vec, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (project_id, passage_id) DO UPDATE SET document_id = excluded.document_id,"
          + " model = excluded.model, dims = excluded.dims, vec = excluded.vec, metadata = excluded.metadata")) {
        for (Entry e : entries) {
          put.setString(1, projectId);
          put.setString(2, e.passageId());
          put.setString(3, e.documentId());
          put.setString(4, e.embedding().model());
          put.setInt(5, e.embedding().dimensions());
          put.setBytes(6, toBytes(e.embedding().values()));
          put.setString(7, GSON.toJson(e.metadata()));
          put.addBatch();
        }
        put.executeBatch();
      }
      return null;
    });
  }

  /** Refuses a vector of another model or dimension than those the project holds. */
  private static void requireSame(Connection c, String projectId, Embedding e) throws SQLException {
    try (PreparedStatement held = c.prepareStatement("SELECT model, dims FROM knowledge_vectors"
        + " WHERE project_id = ? AND NOT (model = ? AND dims = ?) LIMIT 1")) {
      held.setString(1, projectId);
      held.setString(2, e.model());
      held.setInt(3, e.dimensions());
      try (ResultSet rs = held.executeQuery()) {
        if (rs.next()) {
          throw new MixedEmbeddingsException(projectId, rs.getString(1), rs.getInt(2), e.model(), e.dimensions());
        }
      }
    }
  }

  @Override
  public int deleteDocument(String projectId, String documentId) {
    Vectors.checkId("projectId", projectId);
    Vectors.checkId("documentId", documentId);
    return file.write("delete a document's vectors", c -> {
      try (PreparedStatement delete = c.prepareStatement(
          "DELETE FROM knowledge_vectors WHERE project_id = ? AND document_id = ?")) {
        delete.setString(1, projectId);
        delete.setString(2, documentId);
        return delete.executeUpdate();
      }
    });
  }

  @Override
  public int deleteProject(String projectId) {
    Vectors.checkId("projectId", projectId);
    return file.write("delete a project's vectors", c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM knowledge_vectors WHERE project_id = ?")) {
        delete.setString(1, projectId);
        return delete.executeUpdate();
      }
    });
  }

  @Override
  public List<Neighbour> nearest(String projectId, Embedding query, int k) {
    Vectors.checkId("projectId", projectId);
    Objects.requireNonNull(query, "query");
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("k must be within 1.." + MAX_K + ", got: " + k);
    }
    float[] q = query.values();
    double queryNorm = norm(q);
    // The heap's head is the farthest kept, so a nearer row replaces it.
    PriorityQueue<Neighbour> kept = new PriorityQueue<>(k + 1,
        Comparator.comparingDouble(Neighbour::distance).reversed().thenComparing(Neighbour::passageId));
    file.read("find nearest vectors", c -> {
      try (PreparedStatement scan = c.prepareStatement("SELECT passage_id, document_id, model, dims, vec, metadata"
          + " FROM knowledge_vectors WHERE project_id = ?")) {
        scan.setString(1, projectId);
        try (ResultSet rs = scan.executeQuery()) {
          while (rs.next()) {
            String model = rs.getString(3);
            int dims = rs.getInt(4);
            if (!model.equals(query.model()) || dims != q.length) {
              throw new MixedEmbeddingsException(projectId, model, dims, query.model(), q.length);
            }
            double distance = distance(q, queryNorm, rs.getBytes(5));
            if (kept.size() < k || distance < kept.peek().distance()) {
              kept.add(new Neighbour(rs.getString(1), rs.getString(2), distance, GSON.fromJson(rs.getString(6), METADATA)));
              if (kept.size() > k) {
                kept.poll();
              }
            }
          }
        }
      }
      return null;
    });
    List<Neighbour> nearest = new ArrayList<>(kept);
    nearest.sort(Comparator.comparingDouble(Neighbour::distance).thenComparing(Neighbour::passageId));
    return nearest;
  }

  /** How many vectors the project holds (for listings and tests). */
  public int count(String projectId) {
    return file.read("count vectors", c -> {
      try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM knowledge_vectors WHERE project_id = ?")) {
        count.setString(1, projectId);
        try (ResultSet rs = count.executeQuery()) {
          return rs.next() ? rs.getInt(1) : 0;
        }
      }
    });
  }

  @Override
  public void close() {
    file.close();
  }

  private static double distance(float[] q, double queryNorm, byte[] stored) {
    ByteBuffer b = ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN);
    double dot = 0;
    double norm = 0;
    for (int i = 0; i < q.length; i++) {
      float v = b.getFloat();
      dot += (double) q[i] * v;
      norm += (double) v * v;
    }
    if (queryNorm == 0 || norm == 0) {
      return 1;
    }
    return 1 - dot / (queryNorm * Math.sqrt(norm));
  }

  private static double norm(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    return Math.sqrt(sum);
  }

  static byte[] toBytes(float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }
}
