package dev.contentcreator.gcp.firestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.Blob;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.cloud.firestore.GeoPoint;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.ports.DocumentExistsException;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.testkit.FirestoreEmulator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST store and the gRPC store keep documents the same way: what one writes, the other, the
 * Firestore client (as rules and the web SDK see fields) and a page's cursor read alike. A deploy
 * that moves a function from one transport to the other therefore changes no data. On the emulator.
 */
class FirestoreRestNativeFieldsEmulatorTest {
  private static final String PROJECT = FirestoreEmulator.projectFor(FirestoreRestNativeFieldsEmulatorTest.class);

  private Firestore raw;
  private FirestoreRestDocumentStore rest;
  private FirestoreDocumentStore grpc;

  @BeforeEach
  void connect() {
    String host = FirestoreEmulator.host();
    FirestoreEmulator.clear(PROJECT);
    raw = FirestoreOptions.newBuilder().setProjectId(PROJECT).setEmulatorHost(host).build().getService();
    rest = FirestoreRestDocumentStore.builder().projectId(PROJECT).emulatorHost(host).build();
    grpc = FirestoreDocumentStore.builder().projectId(PROJECT).emulatorHost(host).build();
  }

  @AfterEach
  void disconnect() throws Exception {
    if (rest != null) {
      rest.close();
    }
    if (grpc != null) {
      grpc.close();
    }
    if (raw != null) {
      raw.close();
    }
  }

  @Test
  void theRestStoreWritesNativeFields() throws Exception {
    rest.create("members", "p1_u1", json("{\"projectId\":\"p1\",\"role\":\"owner\",\"count\":3,"
        + "\"big\":9007199254740993,\"ratio\":0.5,\"archived\":false,\"meta\":{\"tags\":[\"a\",2]},\"none\":null}"));

    DocumentSnapshot doc = raw.document("members/p1_u1").get().get();

    assertEquals("p1", doc.get("projectId"));
    assertInstanceOf(Long.class, doc.get("count"));
    assertEquals(9007199254740993L, doc.get("big"), "an integer past 2^53 keeps every digit");
    assertInstanceOf(Double.class, doc.get("ratio"));
    assertEquals(false, doc.get("archived"));
    assertEquals(Map.of("tags", List.of("a", 2L)), doc.get("meta"));
    assertTrue(doc.contains("none"));
    assertNull(doc.get("none"));
  }

  @Test
  void eachStoreReadsWhatTheOtherWrote() {
    JsonObject awkward = json("{\"\":1,\"@at\":\"kept\",\"__name__\":\"not the id\",\"matrix\":[[1,2],[],[[3]]],"
        + "\"huge\":123456789012345678901234567890,\"tiny\":1e-300,\"text\":\"ü 日本 😀\",\"nested\":{\"a\":{\"b\":[true,null]}},"
        + "\"empty\":{},\"none\":[]}");
    String id = "ü-日本-1";

    rest.set("things", id, awkward);
    assertEquals(grpc.get("things", id).orElseThrow().data(), awkward);

    grpc.set("things", "g1", awkward);
    assertEquals(rest.get("things", "g1").orElseThrow().data(), awkward);
    assertEquals(List.of(awkward, awkward), rest.getAll("things", List.of(id, "g1")).stream()
        .map(d -> d.orElseThrow().data()).toList());
  }

  @Test
  void readsValuesOnlyAnotherWriterMakes() throws Exception {
    Map<String, Object> fields = new HashMap<>();
    fields.put("at", Timestamp.ofTimeSecondsAndNanos(1_700_000_000L, 5_000_000));
    fields.put("bytes", Blob.fromBytes(new byte[] {1, 2, 3}));
    fields.put("where", new GeoPoint(51.5, -0.1));
    fields.put("ref", raw.document("users/u1"));
    fields.put("nan", Double.NaN);
    fields.put("n", 7);
    raw.document("jobs/j1").set(fields).get();

    JsonObject fromRest = rest.get("jobs", "j1").orElseThrow().data();

    assertEquals("2023-11-14T22:13:20.005Z", fromRest.get("at").getAsString());
    assertEquals("AQID", fromRest.get("bytes").getAsString());
    assertEquals(json("{\"latitude\":51.5,\"longitude\":-0.1}"), fromRest.get("where"));
    assertEquals("users/u1", fromRest.get("ref").getAsString());
    assertTrue(Double.isNaN(fromRest.get("nan").getAsDouble()));
    assertEquals(7L, fromRest.get("n").getAsLong());
    assertEquals(grpc.get("jobs", "j1").orElseThrow().data().toString(), fromRest.toString());
  }

  @Test
  void aCursorOfOneStoreContinuesInTheOther() {
    for (int i = 0; i < 5; i++) {
      rest.set("contents", "c" + i, json("{\"projectId\":\"p1\",\"createdAt\":\"2026-01-0" + (i + 1) + "\"}"));
    }
    Query first = Query.on("contents").whereEqualTo("projectId", "p1")
        .orderBy("createdAt", Query.Direction.DESCENDING).limit(2).build();

    Page fromGrpc = grpc.query(first);
    Page fromRest = rest.query(first);
    assertEquals(fromGrpc.items(), fromRest.items());
    assertEquals(fromGrpc.nextCursor(), fromRest.nextCursor());

    Page second = rest.query(Query.on("contents").whereEqualTo("projectId", "p1")
        .orderBy("createdAt", Query.Direction.DESCENDING).limit(2).startAfter(fromGrpc.nextCursor()).build());
    assertEquals(List.of("c2", "c1"), second.items().stream().map(d -> d.id()).toList());
    assertNotNull(second.nextCursor());
  }

  @Test
  void failedCreateAmongSeveralNamesTheDocumentThatExistsAndWritesNothing() {
    rest.create("users", "u1", json("{}"));

    DocumentExistsException e = assertThrows(DocumentExistsException.class, () -> rest.transaction(tx -> {
      tx.create("audit", "a1", json("{}"));
      tx.create("users", "u1", json("{}"));
      return null;
    }));

    assertEquals("document already exists: users/u1", e.getMessage());
    assertFalse(rest.get("audit", "a1").isPresent());
    assertThrows(DocumentExistsException.class, () -> rest.create("users", "u1", json("{}")));
  }

  @Test
  void aTransactionInsideATransactionIsRefusedAndTheNextOneRuns() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> rest.transaction(outer -> {
      outer.get("users", "u1");
      return rest.transaction(inner -> inner.get("users", "u1"));
    }));
    assertTrue(e.getMessage().contains("nested"), e.getMessage());

    rest.transaction(tx -> {
      tx.set("users", "u1", json("{}"));
      return null;
    });
    assertTrue(rest.get("users", "u1").isPresent());
  }

  @Test
  void theHttpClientIsMadeOnFirstUse() {
    FirestoreRestDocumentStore lazy = FirestoreRestDocumentStore.builder().projectId(PROJECT)
        .emulatorHost(FirestoreEmulator.host()).build();
    assertFalse(lazy.connected());

    lazy.get("users", "nobody");

    assertTrue(lazy.connected());
    lazy.close();
    assertThrows(IllegalStateException.class, () -> lazy.get("users", "nobody"));
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }
}
