package dev.contentcreator.embedded.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.ports.DocumentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SqliteDocumentStoreFactoryTest {
  @TempDir
  Path folder;

  @Test
  void nameAndPort() {
    SqliteDocumentStoreFactory factory = new SqliteDocumentStoreFactory();

    assertEquals("sqlite", factory.name());
    assertEquals(DocumentStore.class, factory.port());
  }

  @Test
  void storesInTheDataFolder() {
    Config config = Config.of(Map.of("DATA_DIR", folder.toString()));

    try (DocumentStore store = new SqliteDocumentStoreFactory().create(config)) {
      store.create("users", "u1", new JsonObject());
    }

    assertTrue(Files.isRegularFile(folder.resolve("contentcreator.db")));
  }

  @Test
  void sqlitePathOverridesTheDataFolder() {
    Path elsewhere = folder.resolve("elsewhere/other.db");
    Config config = Config.of(Map.of("DATA_DIR", folder.resolve("data").toString(), "SQLITE_PATH", elsewhere.toString()));

    new SqliteDocumentStoreFactory().create(config).close();

    assertTrue(Files.isRegularFile(elsewhere));
    assertTrue(Files.notExists(folder.resolve("data/contentcreator.db")));
  }

  @Test
  void dataFolderDefaultsToDotData() {
    assertEquals(Path.of(".data", "contentcreator.db").toAbsolutePath().normalize(),
        SqliteDocumentStoreFactory.file(Config.of(Map.of())));
  }
}
