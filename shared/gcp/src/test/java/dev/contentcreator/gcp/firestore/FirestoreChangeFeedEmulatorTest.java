package dev.contentcreator.gcp.firestore;

import dev.contentcreator.testkit.ChangeFeedContract;
import dev.contentcreator.testkit.FirestoreEmulator;

/** The change feed contract on Firestore's listeners, against the emulator, from an empty project of this class's own. */
class FirestoreChangeFeedEmulatorTest extends ChangeFeedContract {
  private static final String PROJECT = FirestoreEmulator.projectFor(FirestoreChangeFeedEmulatorTest.class);

  @Override
  protected Pair newPair() {
    String host = FirestoreEmulator.host();
    FirestoreEmulator.clear(PROJECT);
    FirestoreDocumentStore.Builder settings = FirestoreDocumentStore.builder().projectId(PROJECT).emulatorHost(host);
    return new Pair(settings.build(), new FirestoreChangeFeed(settings.connector()));
  }
}
