package dev.contentcreator.embedded.sqlite;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.DocumentStore;
import java.nio.file.Path;

/**
 * Makes the {@code sqlite} documents adapter. Settings: {@code DATA_DIR} (default {@code ./.data})
 * holds {@code contentcreator.db}; {@code SQLITE_PATH} names another file;
 * {@code SQLITE_READ_CONNECTIONS} (default 8) and {@code SQLITE_BUSY_TIMEOUT} (default 5s) tune it.
 */
public final class SqliteDocumentStoreFactory implements PortFactory<DocumentStore> {
  static final String FILE_NAME = "contentcreator.db";

  @Override
  public Class<DocumentStore> port() {
    return DocumentStore.class;
  }

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public DocumentStore create(Config config) {
    return SqliteDocumentStore.builder(file(config))
        .readConnections(config.get(Settings.SQLITE_READ_CONNECTIONS))
        .busyTimeout(config.get(Settings.SQLITE_BUSY_TIMEOUT))
        .build();
  }

  /** The database file the configuration names; the embedded queue shares it. */
  public static Path file(Config config) {
    return config.find(Settings.SQLITE_PATH).orElseGet(() -> config.get(Settings.DATA_DIR).resolve(FILE_NAME));
  }
}
