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
  void documentsEqualsFirestoreSelectsItThroughThePlatform() {
    // Nothing listens on port 1: choosing the adapter must still work, without connecting.
    try (Platform platform = Platform.create(Config.of(Map.of(
        "DOCUMENTS", "firestore", "FIRESTORE_EMULATOR_HOST", "127.0.0.1:1")), Clock.systemUTC())) {
      FirestoreDocumentStore store = assertInstanceOf(FirestoreDocumentStore.class, platform.documents());
      assertFalse(store.connected());
    }
  }

  @Test
  void createMakesNoClient() {
    FirestoreDocumentStore store = (FirestoreDocumentStore) factory.create(Config.of(Map.of(
        "FIRESTORE_EMULATOR_HOST", "127.0.0.1:1", "GOOGLE_CLOUD_PROJECT", "demo-nowhere")));

    assertFalse(store.connected());
    store.close();
  }

  @Test
  void badSettingsAreRefusedWithTheirName() {
    IllegalArgumentException attempts = assertThrows(IllegalArgumentException.class, () -> factory.create(
        Config.of(Map.of("FIRESTORE_TRANSACTION_ATTEMPTS", "0"))));
    IllegalArgumentException host = assertThrows(IllegalArgumentException.class, () -> factory.create(
        Config.of(Map.of("FIRESTORE_EMULATOR_HOST", "http://127.0.0.1:8080/"))));

    assertTrue(attempts.getMessage().contains("transactionAttempts"), attempts.getMessage());
    assertTrue(host.getMessage().contains("emulatorHost"), host.getMessage());
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
