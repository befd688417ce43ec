package dev.contentcreator.gcp.firestore;

import com.google.cloud.ServiceOptions;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.ProjectId;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.DocumentStore;
import java.util.Optional;

/**
 * Makes the Firestore documents adapter, named {@code firestore} ({@code DOCUMENTS=firestore}).
 * {@code FIRESTORE_TRANSPORT} chooses how it talks to Firestore: {@code rest} (the default,
 * {@link FirestoreRestDocumentStore}: the REST API on the JDK's HTTP client, which a new function
 * instance starts far sooner) or {@code grpc} ({@link FirestoreDocumentStore}: the Firestore client
 * library). Both store the same documents the same way.
 *
 * <p>Settings: {@code FIREBASE_PROJECT_ID}, else {@code GOOGLE_CLOUD_PROJECT}, names the project (the
 * same order the Firebase Auth adapter reads them, so one setting moves both); with neither, the
 * project is found from the credentials or the metadata server, and against the emulator it is
 * {@code demo-contentcreator}. {@code FIRESTORE_EMULATOR_HOST} (host:port, unset in production)
 * selects the emulator; {@code FIRESTORE_DATABASE} (default {@code (default)}) the database;
 * {@code FIRESTORE_TRANSACTION_ATTEMPTS} (default 10) how often a contended transaction runs.
 * Nothing connects until the store is first used.
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
    String transport = config.get(Settings.FIRESTORE_TRANSPORT).trim();
    switch (transport) {
      case "rest":
        return rest(config);
      case "grpc":
        return builder(config).build();
      default:
        throw new IllegalArgumentException("FIRESTORE_TRANSPORT must be rest or grpc, got: " + transport);
    }
  }

  private static FirestoreRestDocumentStore rest(Config config) {
    FirestoreRestDocumentStore.Builder builder = FirestoreRestDocumentStore.builder()
        .databaseId(config.get(Settings.FIRESTORE_DATABASE))
        .transactionAttempts(config.get(Settings.FIRESTORE_TRANSACTION_ATTEMPTS));
    Optional<String> emulator = config.find(Settings.FIRESTORE_EMULATOR_HOST);
    emulator.ifPresent(builder::emulatorHost);
    Optional<String> project = ProjectId.configured(config).or(() -> emulator.map(h -> ProjectId.DEMO));
    if (project.isPresent()) {
      builder.projectId(project.get());
    } else {
      // as the client library would: the environment, the credentials file, then the metadata server
      builder.projectFrom(ServiceOptions::getDefaultProjectId);
    }
    return builder.build();
  }

  /** The gRPC store's settings from {@code config}, which the change feed and vectors share. */
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
