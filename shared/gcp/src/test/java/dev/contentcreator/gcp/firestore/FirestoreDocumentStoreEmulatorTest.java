package dev.contentcreator.gcp.firestore;

import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.testkit.DocumentStoreContract;
import dev.contentcreator.testkit.FirestoreEmulator;

/**
 * The documents contract on the Firestore adapter, against the Firestore emulator
 * ({@link FirestoreEmulator} finds or starts it, or skips these tests saying it is not installed).
 * Each test starts from an empty project of this class's own.
 */
class FirestoreDocumentStoreEmulatorTest extends DocumentStoreContract {
  private static final String PROJECT = FirestoreEmulator.projectFor(FirestoreDocumentStoreEmulatorTest.class);

  @Override
  protected DocumentStore newStore() {
    String host = FirestoreEmulator.host();
    FirestoreEmulator.clear(PROJECT);
    return FirestoreDocumentStore.builder().projectId(PROJECT).emulatorHost(host).build();
  }
}
