package dev.contentcreator.embedded.sqlite;

import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.testkit.DocumentStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The documents contract, run against a SQLite file in a fresh folder per test. */
final class SqliteDocumentStoreTest extends DocumentStoreContract {
  @TempDir
  Path folder;

  @Override
  protected DocumentStore newStore() {
    return SqliteDocumentStore.open(folder.resolve("contract.db"));
  }
}
