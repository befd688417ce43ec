package dev.contentcreator.gcp.firestore;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.ChangeFeed;

/**
 * Makes the Firestore change feed, named {@code firestore} ({@code CHANGE_FEED=firestore}, the
 * default with {@code DOCUMENTS=firestore}), on the same project, database and emulator settings as
 * the documents adapter, with a client of its own made on first watch.
 */
public final class FirestoreChangeFeedFactory implements PortFactory<ChangeFeed> {
  @Override
  public Class<ChangeFeed> port() {
    return ChangeFeed.class;
  }

  @Override
  public String name() {
    return "firestore";
  }

  @Override
  public ChangeFeed create(Config config) {
    return new FirestoreChangeFeed(FirestoreDocumentStoreFactory.builder(config).connector());
  }
}
