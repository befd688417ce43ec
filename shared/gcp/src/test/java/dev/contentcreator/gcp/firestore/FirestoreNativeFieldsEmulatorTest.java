package dev.contentcreator.gcp.firestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.ports.DocumentExistsException;
import dev.contentcreator.testkit.FirestoreEmulator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the rest of the system sees in Firestore: the fields as security rules and the web SDK read
 * them, documents other writers made, and the client made once on first use. Runs on the emulator.
 */
class FirestoreNativeFieldsEmulatorTest {
  private static final String PROJECT = FirestoreEmulator.projectFor(FirestoreNativeFieldsEmulatorTest.class);

  private Firestore raw;
  private FirestoreDocumentStore store;

  @BeforeEach
  void connect() {
    String host = FirestoreEmulator.host();
    FirestoreEmulator.clear(PROJECT);
    raw = FirestoreOptions.newBuilder().setProjectId(PROJECT).setEmulatorHost(host).build().getService();
    store = FirestoreDocumentStore.builder().projectId(PROJECT).emulatorHost(host).build();
  }

  @AfterEach
  void disconnect() throws Exception {
    if (store != null) {
      store.close();
    }
    if (raw != null) {
      raw.close();
    }
  }

  @Test
  void documentLivesAtCollectionSlashIdWithNativeFields() throws Exception {
    store.create("members", "p1_u1", json("{\"projectId\":\"p1\",\"uid\":\"u1\",\"role\":\"owner\",\"count\":3,"
        + "\"ratio\":0.5,\"archived\":false,\"meta\":{\"tags\":[\"a\",2]},\"none\":null}"));

    DocumentSnapshot doc = raw.document("members/p1_u1").get().get();

    assertTrue(doc.exists());
    assertEquals("p1", doc.get("projectId"));
    assertEquals("owner", doc.get("role"));
    assertInstanceOf(Long.class, doc.get("count"));
    assertEquals(3L, doc.get("count"));
    assertInstanceOf(Double.class, doc.get("ratio"));
    assertEquals(false, doc.get("archived"));
    assertEquals(Map.of("tags", List.of("a", 2L)), doc.get("meta"));
    assertTrue(doc.contains("none"));
    assertNull(doc.get("none"));
  }

  @Test
  void firestoreRefusesAnArrayDirectlyInAnArray() {
    Map<String, Object> fields = Map.of("matrix", List.of(List.of(1L, 2L)));

    ExecutionException e = assertThrows(ExecutionException.class, () -> raw.document("things/raw").set(fields).get());

    assertTrue(String.valueOf(e.getCause().getMessage()).toLowerCase().contains("array"), e.getCause().getMessage());
  }

  @Test
  void arrayInArrayIsStoredAsMarkerMapsTheStoreReadsBack() throws Exception {
    store.create("things", "t1", json("{\"matrix\":[[1,2],[3]]}"));

    DocumentSnapshot doc = raw.document("things/t1").get().get();

    assertEquals(List.of(Map.of("@array", List.of(1L, 2L)), Map.of("@array", List.of(3L))), doc.get("matrix"));
    assertEquals(json("{\"matrix\":[[1,2],[3]]}"), store.get("things", "t1").orElseThrow().data());
  }

  @Test
  void readsDocumentsAnotherWriterMadeWithFirestoreTypes() throws Exception {
    Map<String, Object> fields = new HashMap<>();
    fields.put("at", Timestamp.ofTimeSecondsAndNanos(1_700_000_000L, 5_000_000));
    fields.put("n", 7);
    raw.document("jobs/j1").set(fields).get();

    JsonObject data = store.get("jobs", "j1").orElseThrow().data();

    assertEquals("2023-11-14T22:13:20.005Z", data.get("at").getAsString());
    assertEquals(7L, data.get("n").getAsLong());
  }

  @Test
  void failedCreateAmongSeveralNamesTheDocumentThatExists() {
    store.create("users", "u1", json("{}"));

    DocumentExistsException e = assertThrows(DocumentExistsException.class, () -> store.transaction(tx -> {
      tx.create("audit", "a1", json("{}"));
      tx.create("users", "u1", json("{}"));
      return null;
    }));

    assertEquals("document already exists: users/u1", e.getMessage());
    assertFalse(store.get("audit", "a1").isPresent());
  }

  @Test
  void aTransactionInsideATransactionIsRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.transaction(outer -> {
      outer.get("users", "u1");
      return store.transaction(inner -> inner.get("users", "u1"));
    }));

    assertTrue(e.getMessage().contains("nested"), e.getMessage());
  }

  @Test
  void aTransactionAfterAFailedOneRunsOnTheSameThread() {
    assertThrows(IllegalStateException.class, () -> store.transaction(tx -> {
      throw new IllegalStateException("boom");
    }));

    store.transaction(tx -> {
      tx.set("users", "u1", json("{}"));
      return null;
    });

    assertTrue(store.get("users", "u1").isPresent());
  }

  @Test
  void clientIsMadeOnFirstUseAndOnlyOnce() {
    String host = FirestoreEmulator.host();
    AtomicInteger made = new AtomicInteger();
    FirestoreDocumentStore lazy = FirestoreDocumentStore.using(() -> {
      made.incrementAndGet();
      return FirestoreOptions.newBuilder().setProjectId(PROJECT).setEmulatorHost(host).build().getService();
    }, 5);
    try {
      assertEquals(0, made.get());
      assertFalse(lazy.connected());

      lazy.set("users", "u1", json("{\"v\":1}"));
      lazy.get("users", "u1");
      lazy.transaction(tx -> tx.get("users", "u1"));

      assertEquals(1, made.get());
    } finally {
      lazy.close();
    }
    assertThrows(IllegalStateException.class, () -> lazy.get("users", "u1"));
    assertEquals(1, made.get());
  }

  @Test
  void closingAnUnusedStoreMakesNoClient() {
    AtomicInteger made = new AtomicInteger();
    FirestoreDocumentStore lazy = FirestoreDocumentStore.using(() -> {
      made.incrementAndGet();
      throw new AssertionError("no client should be made");
    }, 5);

    lazy.close();

    assertEquals(0, made.get());
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }
}
