package dev.contentcreator.embedded.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.contentcreator.core.ports.Vectors;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import dev.contentcreator.embedded.vectors.SqliteVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Brand knowledge's vectors live in the SQLite file, so a backup and its restore carry them whole. */
final class VectorsBackupTest {
  @TempDir
  Path folder;

  @Test
  void aRestoredBackupAnswersTheSameNearestNeighbours() throws IOException {
    DataLayout layout = DataLayout.standard(folder.resolve("data"));
    Vectors.Embedding query = new Vectors.Embedding("m", new float[] {1, 0.2f, 0});
    List<Vectors.Neighbour> before;
    Path backup;
    try (SqliteDocumentStore store = SqliteDocumentStore.open(layout.database());
        SqliteVectors vectors = SqliteVectors.open(layout.database(), Duration.ofSeconds(5))) {
      vectors.upsertAll("p1", List.of(
          new Vectors.Entry("d1-0", "d1", new Vectors.Embedding("m", new float[] {1, 0, 0}), Map.of("text", "east")),
          new Vectors.Entry("d1-1", "d1", new Vectors.Embedding("m", new float[] {0, 1, 0}), Map.of("text", "north")),
          new Vectors.Entry("d2-0", "d2", new Vectors.Embedding("m", new float[] {0, 0, 1}), Map.of("text", "up"))));
      before = vectors.nearest("p1", query, 3);
      backup = BackupService.builder(layout).build().backup();
      vectors.deleteProject("p1");
    }
    Files.delete(layout.database());
    RestoreService.create().restore(backup, layout.dataDir());
    try (SqliteVectors vectors = SqliteVectors.open(layout.database(), Duration.ofSeconds(5))) {
      List<Vectors.Neighbour> after = vectors.nearest("p1", query, 3);
      assertEquals(before, after);
      assertEquals(3, vectors.count("p1"));
      assertEquals("east", after.get(0).metadata().get("text"));
    }
  }
}
