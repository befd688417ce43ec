package dev.contentcreator.gcp.firestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.testkit.FirestoreEmulator;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirestoreDocumentStoreFactoryTest {
  private final FirestoreDocumentStoreFactory factory = new FirestoreDocumentStoreFactory();

  @Test
  void isTheFirestoreDocumentStore() {
    assertEquals(DocumentStore.class, factory.port());
    assertEquals("firestore", factory.name());
  }

  @Test
  void documentsEqualsFirestoreSelectsTheRestStoreThroughThePlatform() {
    // Nothing listens on port 1: choosing the adapter must still work, without connecting.
    try (Platform platform = Platform.create(Config.of(Map.of(
        "DOCUMENTS", "firestore", "FIRESTORE_EMULATOR_HOST", "127.0.0.1:1")), Clock.systemUTC())) {
      FirestoreRestDocumentStore store = assertInstanceOf(FirestoreRestDocumentStore.class, platform.documents());
      assertFalse(store.connected());
    }
  }

  @Test
  void theTransportChoosesTheStoreAndNeitherConnects() {
    Map<String, String> emulator = Map.of("FIRESTORE_EMULATOR_HOST", "127.0.0.1:1", "GOOGLE_CLOUD_PROJECT", "demo-nowhere");
    FirestoreDocumentStore grpc = assertInstanceOf(FirestoreDocumentStore.class, factory.create(Config.of(
        with(emulator, "FIRESTORE_TRANSPORT", "grpc"))));
    FirestoreRestDocumentStore rest = assertInstanceOf(FirestoreRestDocumentStore.class, factory.create(Config.of(
        with(emulator, "FIRESTORE_TRANSPORT", " rest "))));

    assertFalse(grpc.connected());
    assertFalse(rest.connected());
    grpc.close();
    rest.close();
  }

  @Test
  void anUnknownTransportIsRefusedWithTheSettingsName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> factory.create(
        Config.of(Map.of("FIRESTORE_TRANSPORT", "http3"))));

    assertTrue(e.getMessage().contains("FIRESTORE_TRANSPORT") && e.getMessage().contains("http3"), e.getMessage());
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> all = new java.util.HashMap<>(base);
    all.put(key, value);
    return all;
  }

  @Test
  void badSettingsAreRefusedWithTheirName() {
    IllegalArgumentException attempts = assertThrows(IllegalArgumentException.class, () -> factory.create(
        Config.of(Map.of("FIRESTORE_TRANSACTION_ATTEMPTS", "0"))));
    IllegalArgumentException host = assertThrows(IllegalArgumentException.class, () -> factory.create(
        Config.of(Map.of("FIRESTORE_EMULATOR_HOST", "http://127.0.0.1:8080/"))));
    IllegalArgumentException grpcHost = assertThrows(IllegalArgumentException.class, () -> factory.create(
        Config.of(Map.of("FIRESTORE_EMULATOR_HOST", "http://127.0.0.1:8080/", "FIRESTORE_TRANSPORT", "grpc"))));

    assertTrue(attempts.getMessage().contains("transactionAttempts"), attempts.getMessage());
    assertTrue(host.getMessage().contains("emulatorHost"), host.getMessage());
    assertTrue(grpcHost.getMessage().contains("emulatorHost"), grpcHost.getMessage());
  }

  @Test
  void firebaseProjectIdNamesTheProjectAheadOfGoogleCloudProject() {
    String host = FirestoreEmulator.host();
    String project = FirestoreEmulator.projectFor(FirestoreDocumentStoreFactoryTest.class);
    FirestoreEmulator.clear(project);
    JsonObject data = new JsonObject();
    data.addProperty("v", 1);

    try (DocumentStore fromConfig = factory.create(Config.of(Map.of("FIRESTORE_EMULATOR_HOST", host,
            "FIREBASE_PROJECT_ID", project, "GOOGLE_CLOUD_PROJECT", "demo-someotherproject")));
        DocumentStore direct = FirestoreDocumentStore.builder().projectId(project).emulatorHost(host).build()) {
      fromConfig.create("users", "u1", data);

      assertEquals(data, direct.get("users", "u1").orElseThrow().data());
    }
  }
}
