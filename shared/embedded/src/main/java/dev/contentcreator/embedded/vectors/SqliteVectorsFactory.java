package dev.contentcreator.embedded.vectors;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.Vectors;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStoreFactory;

/** Makes the {@code sqlite} vectors adapter on the documents' file ({@code DATA_DIR/contentcreator.db} or {@code SQLITE_PATH}). */
public final class SqliteVectorsFactory implements PortFactory<Vectors> {
  @Override
  public Class<Vectors> port() {
    return Vectors.class;
  }

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public Vectors create(Config config) {
    return SqliteVectors.open(SqliteDocumentStoreFactory.file(config), config.get(Settings.SQLITE_BUSY_TIMEOUT));
  }
}
