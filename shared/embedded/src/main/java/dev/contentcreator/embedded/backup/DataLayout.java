package dev.contentcreator.embedded.backup;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.embedded.blobs.FolderBlobStoreFactory;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStoreFactory;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one machine keeps its data: the data folder (backups go to its {@code backups/}), the
 * SQLite file (documents and queue) and the blob folder.
 */
public record DataLayout(Path dataDir, Path database, Path blobs) {
  /** The file name of the database in {@link #standard(Path)} and in every backup. */
  public static final String DATABASE_NAME = "contentcreator.db";

  public DataLayout {
    dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
    database = Objects.requireNonNull(database, "database").toAbsolutePath().normalize();
    blobs = Objects.requireNonNull(blobs, "blobs").toAbsolutePath().normalize();
  }

  /** The default layout: {@code contentcreator.db} and {@code blobs/} inside {@code dataDir}. */
  public static DataLayout standard(Path dataDir) {
    Path dir = Objects.requireNonNull(dataDir, "dataDir");
    return new DataLayout(dir, dir.resolve(DATABASE_NAME), dir.resolve("blobs"));
  }

  /** The layout {@code DATA_DIR}, {@code SQLITE_PATH} and {@code BLOBS_DIR} name. */
  public static DataLayout from(Config config) {
    return new DataLayout(config.get(Settings.DATA_DIR), SqliteDocumentStoreFactory.file(config),
        FolderBlobStoreFactory.folder(config));
  }

  /** The folder backups are written to: {@code <dataDir>/backups}. */
  public Path backups() {
    return dataDir.resolve("backups");
  }
}
