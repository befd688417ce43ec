package dev.contentcreator.gcp.firestore;

import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.testkit.DocumentStoreContract;
import dev.contentcreator.testkit.FirestoreEmulator;

/**
 * The documents contract on the REST Firestore adapter, against the Firestore emulator, as
 * {@link FirestoreDocumentStoreEmulatorTest} runs it on the gRPC one. Each test starts from an empty
 * project of this class's own.
 */
class FirestoreRestDocumentStoreEmulatorTest extends DocumentStoreContract {
  private static final String PROJECT = FirestoreEmulator.projectFor(FirestoreRestDocumentStoreEmulatorTest.class);

  /** As the gRPC store's test: eight threads contend for one document, and each conflict backs off. */
  private static final int ATTEMPTS = 20;

  @Override
  protected DocumentStore newStore() {
    String host = FirestoreEmulator.host();
    FirestoreEmulator.clear(PROJECT);
    return FirestoreRestDocumentStore.builder().projectId(PROJECT).emulatorHost(host).transactionAttempts(ATTEMPTS)
        .build();
  }
}
