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

  /**
   * The contract's heaviest test runs eight threads of read-modify-write transactions on one
   * document; on the emulator each conflict waits for its lock and backs off, so some need more
   * than the default attempts. Losing no update is what is tested; the attempts only buy time.
   */
  private static final int ATTEMPTS = 20;

  @Override
  protected DocumentStore newStore() {
    String host = FirestoreEmulator.host();
    FirestoreEmulator.clear(PROJECT);
    return FirestoreDocumentStore.builder().projectId(PROJECT).emulatorHost(host).transactionAttempts(ATTEMPTS).build();
  }

  /** The client library keeps a transaction's write results to itself: increments read what they left. */
  @Override
  protected boolean incrementsToldAtCommit() {
    return false;
  }
}
