package dev.contentcreator.embedded.sqlite;

import dev.contentcreator.core.live.LocalChangeFeed;
import dev.contentcreator.core.live.WatchedDocuments;
import dev.contentcreator.testkit.ChangeFeedContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The change feed contract on the local server's pair: the in-process feed, told by the SQLite store. */
final class LocalChangeFeedOnSqliteTest extends ChangeFeedContract {
  @TempDir
  Path folder;

  @Override
  protected Pair newPair() {
    LocalChangeFeed feed = new LocalChangeFeed();
    return new Pair(new WatchedDocuments(SqliteDocumentStore.open(folder.resolve("feed.db")), feed), feed);
  }
}
