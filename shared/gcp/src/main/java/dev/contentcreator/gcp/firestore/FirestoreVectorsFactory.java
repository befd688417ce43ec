package dev.contentcreator.gcp.firestore;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.Vectors;

/**
 * Makes the Firestore vectors adapter, named {@code firestore} ({@code VECTORS=firestore}, the
 * default when {@code DOCUMENTS=firestore}), with the documents' project, database and emulator
 * settings. Nothing connects until it is first used.
 */
public final class FirestoreVectorsFactory implements PortFactory<Vectors> {
  @Override
  public Class<Vectors> port() {
    return Vectors.class;
  }

  @Override
  public String name() {
    return "firestore";
  }

  @Override
  public Vectors create(Config config) {
    return new FirestoreVectors(FirestoreDocumentStoreFactory.builder(config).connector());
  }
}
