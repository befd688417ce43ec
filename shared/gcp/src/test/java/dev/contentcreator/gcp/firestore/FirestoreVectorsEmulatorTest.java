package dev.contentcreator.gcp.firestore;

import dev.contentcreator.core.ports.Vectors;
import dev.contentcreator.testkit.FirestoreEmulator;
import dev.contentcreator.testkit.VectorsContract;

/**
 * The vectors contract on the Firestore adapter against the Firestore emulator, whose
 * nearest-neighbour query (exact there) must give what the brute-force reference gives.
 */
class FirestoreVectorsEmulatorTest extends VectorsContract {
  private static final String PROJECT = FirestoreEmulator.projectFor(FirestoreVectorsEmulatorTest.class);

  @Override
  protected Vectors vectors() {
    String host = FirestoreEmulator.host();
    FirestoreEmulator.clear(PROJECT);
    return new FirestoreVectors(FirestoreDocumentStore.builder().projectId(PROJECT).emulatorHost(host).connector());
  }
}
