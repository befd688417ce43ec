package dev.contentcreator.gcp.firestore;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.ProjectId;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.DocumentStore;

/**
 * Makes the Firestore documents adapter, named {@code firestore} ({@code DOCUMENTS=firestore}).
 * Settings: {@code FIREBASE_PROJECT_ID}, else {@code GOOGLE_CLOUD_PROJECT}, names the project (the
 * same order the Firebase Auth adapter reads them, so one setting moves both); with neither, the
 * client library finds the project from the credentials or the metadata server, and against the
 * emulator it is {@code demo-contentcreator}. {@code FIRESTORE_EMULATOR_HOST} (host:port, unset in
 * production) selects the emulator; {@code FIRESTORE_DATABASE} (default {@code (default)}) the
 * database; {@code FIRESTORE_TRANSACTION_ATTEMPTS} (default 10) how often a contended transaction
 * runs. Nothing connects until the store is first used.
 */
public final class FirestoreDocumentStoreFactory implements PortFactory<DocumentStore> {
  @Override
  public Class<DocumentStore> port() {
    return DocumentStore.class;
  }

  @Override
  public String name() {
    return "firestore";
  }

  @Override
  public DocumentStore create(Config config) {
    return builder(config).build();
  }

  /** The store's settings from {@code config}, which the change feed shares. */
  static FirestoreDocumentStore.Builder builder(Config config) {
    FirestoreDocumentStore.Builder builder = FirestoreDocumentStore.builder()
        .databaseId(config.get(Settings.FIRESTORE_DATABASE))
        .transactionAttempts(config.get(Settings.FIRESTORE_TRANSACTION_ATTEMPTS));
    var emulator = config.find(Settings.FIRESTORE_EMULATOR_HOST);
    emulator.ifPresent(builder::emulatorHost);
    ProjectId.configured(config).or(() -> emulator.map(h -> ProjectId.DEMO))
        .ifPresent(builder::projectId);
    return builder;
  }
}
