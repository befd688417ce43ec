package dev.contentcreator.embedded.vectors;

import dev.contentcreator.core.ports.Vectors;
import dev.contentcreator.testkit.VectorsContract;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The vectors contract on the SQLite adapter, each test on a file of its own. */
class SqliteVectorsContractTest extends VectorsContract {
  @TempDir
  Path dir;
  private SqliteVectors opened;

  @Override
  protected Vectors vectors() {
    opened = SqliteVectors.open(dir.resolve("contentcreator.db"), Duration.ofSeconds(5));
    return opened;
  }

  @AfterEach
  void close() {
    if (opened != null) {
      opened.close();
    }
  }
}
