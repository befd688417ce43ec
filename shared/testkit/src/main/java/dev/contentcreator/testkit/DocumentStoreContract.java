package dev.contentcreator.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.ports.Added;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentExistsException;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.InvalidCursorException;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.Query.Direction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link DocumentStore} adapter must show. Extend it, return a fresh, empty
 * store from {@link #newStore()}, and every test here runs against that adapter. The store is
 * closed after each test; the subclass may clean up anything else it made.
 *
 * <p>Beyond the port's own words it pins these choices, all as Firestore behaves: a query ordered
 * by a field leaves out documents without that field; an equality filter matches the value's type
 * as well as its value; a page that reaches the end has no next cursor; a transaction that reads
 * after it has written fails with {@link IllegalStateException}.
 */
public abstract class DocumentStoreContract {

  /** A fresh, empty store; called once before each test. */
  protected abstract DocumentStore newStore();

  protected DocumentStore store;

  @BeforeEach
  final void openStore() {
    store = newStore();
    assertNotNull(store, "newStore() returned null");
  }

  @AfterEach
  final void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  // ---- get, create, set, delete ----

  @Test
  void getOfMissingDocumentIsEmpty() {
    assertEquals(Optional.empty(), store.get("users", "nobody"));
  }

  @Test
  void getReturnsCollectionIdAndData() {
    store.create("users", "u1", json("{\"name\":\"Ada\"}"));

    Document doc = store.get("users", "u1").orElseThrow();

    assertEquals("users", doc.collection());
    assertEquals("u1", doc.id());
    assertEquals(json("{\"name\":\"Ada\"}"), doc.data());
  }

  @Test
  void getAllAnswersEachIdInTheOrderAskedWithGapsForMissingOnes() {
    store.create("users", "u1", json("{\"name\":\"Ada\"}"));
    store.create("users", "u3", json("{\"name\":\"Cy\"}"));
    store.create("projects", "u2", json("{\"name\":\"not a user\"}"));

    List<Optional<Document>> found = store.getAll("users", List.of("u3", "u2", "u1", "u3"));

    assertEquals(4, found.size());
    assertEquals(json("{\"name\":\"Cy\"}"), found.get(0).orElseThrow().data());
    assertEquals(Optional.empty(), found.get(1), "u2 is in another collection");
    assertEquals("u1", found.get(2).orElseThrow().id());
    assertEquals("users", found.get(2).orElseThrow().collection());
    assertEquals(json("{\"name\":\"Cy\"}"), found.get(3).orElseThrow().data(), "an id asked twice is answered twice");
    assertEquals(List.of(), store.getAll("users", List.of()));
  }

  @Test
  void getAllInATransactionSeesItsSnapshot() {
    store.create("users", "u1", json("{\"n\":1}"));

    List<Optional<Document>> found = store.transaction(tx -> {
      List<Optional<Document>> read = tx.getAll("users", List.of("u1", "u2"));
      tx.set("users", "u2", json("{\"n\":2}"));
      return read;
    });

    assertEquals(json("{\"n\":1}"), found.get(0).orElseThrow().data());
    assertEquals(Optional.empty(), found.get(1));
    assertEquals(json("{\"n\":2}"), store.getAll("users", List.of("u2")).get(0).orElseThrow().data());
  }

  @Test
  void getAllReadsMoreIdsThanOneStatementHolds() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      ids.add("u" + i);
    }
    store.create("users", "u1199", json("{\"last\":true}"));

    List<Optional<Document>> found = store.getAll("users", ids);

    assertEquals(1_200, found.size());
    assertEquals(1, found.stream().filter(Optional::isPresent).count());
    assertEquals("u1199", found.get(1_199).orElseThrow().id());
  }

  @Test
  void stringsRoundTrip() {
    assertRoundTrip(json("{\"empty\":\"\",\"plain\":\"hello\",\"quotes\":\"say \\\"hi\\\"\\n\\ttab\","
        + "\"backslash\":\"a\\\\b\",\"json\":\"{\\\"not\\\":\\\"parsed\\\"}\"}"));
  }

  @Test
  void longsKeepFullPrecision() {
    JsonObject data = new JsonObject();
    data.addProperty("zero", 0L);
    data.addProperty("negative", -42L);
    data.addProperty("max", Long.MAX_VALUE);
    data.addProperty("min", Long.MIN_VALUE);
    data.addProperty("beyondDouble", 9_007_199_254_740_993L);
    store.create("numbers", "n1", data);

    JsonObject back = store.get("numbers", "n1").orElseThrow().data();

    assertEquals(Long.MAX_VALUE, back.get("max").getAsLong());
    assertEquals(Long.MIN_VALUE, back.get("min").getAsLong());
    assertEquals(9_007_199_254_740_993L, back.get("beyondDouble").getAsLong());
    assertEquals(-42L, back.get("negative").getAsLong());
    assertEquals(0L, back.get("zero").getAsLong());
  }

  @Test
  void doublesRoundTripExactly() {
    double[] values = {0.1, -2.5, 1e-300, 1.7976931348623157e308, 3.141592653589793};
    JsonObject data = new JsonObject();
    for (int i = 0; i < values.length; i++) {
      data.addProperty("d" + i, values[i]);
    }
    store.create("numbers", "d1", data);

    JsonObject back = store.get("numbers", "d1").orElseThrow().data();

    for (int i = 0; i < values.length; i++) {
      assertEquals(values[i], back.get("d" + i).getAsDouble(), 0.0, "field d" + i);
    }
  }

  @Test
  void booleansRoundTrip() {
    JsonObject back = roundTrip(json("{\"yes\":true,\"no\":false}"));

    assertTrue(back.get("yes").getAsJsonPrimitive().isBoolean());
    assertTrue(back.get("yes").getAsBoolean());
    assertTrue(back.get("no").getAsJsonPrimitive().isBoolean());
    assertFalse(back.get("no").getAsBoolean());
  }

  @Test
  void nestedObjectsAndArraysRoundTrip() {
    assertRoundTrip(json("{\"profile\":{\"name\":\"Ada\",\"address\":{\"city\":\"London\",\"zip\":\"N1\"}},"
        + "\"tags\":[\"a\",\"b\"],\"matrix\":[[1,2],[3,4]],\"mixed\":[1,\"two\",true,{\"k\":[]}],"
        + "\"emptyObject\":{},\"emptyArray\":[]}"));
  }

  @Test
  void unicodeRoundTrips() {
    JsonObject data = new JsonObject();
    data.addProperty("text", "héllo — 日本語 — Ελληνικά — emoji 🎉👩‍💻");
    data.addProperty("clé", "valeur");
    data.addProperty("nul", "a\u0000b");
    assertRoundTrip(data);
  }

  @Test
  void createOnExistingIdThrowsDocumentExists() {
    store.create("users", "u1", json("{\"v\":1}"));

    assertThrows(DocumentExistsException.class, () -> store.create("users", "u1", json("{\"v\":2}")));
  }

  @Test
  void failedCreateLeavesExistingDocumentUnchanged() {
    store.create("users", "u1", json("{\"v\":1}"));

    assertThrows(DocumentExistsException.class, () -> store.create("users", "u1", json("{\"v\":2}")));

    assertEquals(json("{\"v\":1}"), store.get("users", "u1").orElseThrow().data());
  }

  @Test
  void createOnExistingIdInsideTransactionThrowsDocumentExists() {
    store.create("users", "u1", json("{\"v\":1}"));

    assertThrows(DocumentExistsException.class, () -> store.transaction(tx -> {
      tx.create("users", "u1", json("{\"v\":2}"));
      return null;
    }));
  }

  @Test
  void failedCreateInTransactionCommitsNoneOfItsWrites() {
    store.create("users", "u1", json("{\"v\":1}"));

    assertThrows(DocumentExistsException.class, () -> store.transaction(tx -> {
      tx.set("users", "u2", json("{\"v\":2}"));
      tx.create("audit", "a1", json("{\"v\":3}"));
      tx.create("users", "u1", json("{\"v\":4}"));
      return null;
    }));

    assertEquals(Optional.empty(), store.get("users", "u2"));
    assertEquals(Optional.empty(), store.get("audit", "a1"));
    assertEquals(json("{\"v\":1}"), store.get("users", "u1").orElseThrow().data());
  }

  @Test
  void setCreatesMissingDocument() {
    store.set("users", "u1", json("{\"v\":1}"));

    assertEquals(json("{\"v\":1}"), store.get("users", "u1").orElseThrow().data());
  }

  @Test
  void setReplacesWholeDocument() {
    store.create("users", "u1", json("{\"a\":1,\"b\":{\"c\":2}}"));

    store.set("users", "u1", json("{\"b\":{\"d\":3}}"));

    assertEquals(json("{\"b\":{\"d\":3}}"), store.get("users", "u1").orElseThrow().data());
  }

  @Test
  void deleteRemovesDocument() {
    store.create("users", "u1", json("{\"v\":1}"));

    store.delete("users", "u1");

    assertEquals(Optional.empty(), store.get("users", "u1"));
  }

  @Test
  void deleteOfMissingDocumentDoesNothing() {
    store.create("users", "u1", json("{\"v\":1}"));

    store.delete("users", "u2");

    assertTrue(store.get("users", "u1").isPresent());
  }

  @Test
  void deletedIdCanBeCreatedAgain() {
    store.create("users", "u1", json("{\"v\":1}"));
    store.delete("users", "u1");

    store.create("users", "u1", json("{\"v\":2}"));

    assertEquals(json("{\"v\":2}"), store.get("users", "u1").orElseThrow().data());
  }

  @Test
  void mutatingReturnedDataDoesNotChangeStore() {
    store.create("users", "u1", json("{\"name\":\"Ada\",\"tags\":[\"x\"]}"));

    JsonObject first = store.get("users", "u1").orElseThrow().data();
    first.addProperty("name", "Eve");
    first.getAsJsonArray("tags").add("y");
    store.query(Query.on("users").build()).items().get(0).data().addProperty("extra", true);

    assertEquals(json("{\"name\":\"Ada\",\"tags\":[\"x\"]}"), store.get("users", "u1").orElseThrow().data());
  }

  @Test
  void mutatingWrittenDataAfterwardsDoesNotChangeStore() {
    JsonObject data = json("{\"name\":\"Ada\",\"nested\":{\"n\":1}}");
    store.create("users", "u1", data);

    data.addProperty("name", "Eve");
    data.getAsJsonObject("nested").addProperty("n", 2);

    assertEquals(json("{\"name\":\"Ada\",\"nested\":{\"n\":1}}"), store.get("users", "u1").orElseThrow().data());
  }

  // ---- collections ----

  @Test
  void sameIdInTwoCollectionsHoldsTwoDocuments() {
    store.create("users", "x", json("{\"kind\":\"user\"}"));
    store.create("projects", "x", json("{\"kind\":\"project\"}"));

    assertEquals("user", store.get("users", "x").orElseThrow().data().get("kind").getAsString());
    assertEquals("project", store.get("projects", "x").orElseThrow().data().get("kind").getAsString());
  }

  @Test
  void deleteInOneCollectionLeavesOtherCollections() {
    store.create("users", "x", json("{}"));
    store.create("projects", "x", json("{}"));

    store.delete("users", "x");

    assertTrue(store.get("projects", "x").isPresent());
  }

  @Test
  void queryReturnsOnlyItsCollection() {
    store.create("users", "a", json("{}"));
    store.create("projects", "b", json("{}"));

    assertEquals(List.of("a"), ids(store.query(Query.on("users").build())));
  }

  // ---- queries ----

  @Test
  void queryOfEmptyCollectionIsEmptyLastPage() {
    Page page = store.query(Query.on("users").build());

    assertEquals(List.of(), page.items());
    assertNull(page.nextCursor());
  }

  @Test
  void queryFiltersOnString() {
    store.create("members", "m1", json("{\"role\":\"owner\"}"));
    store.create("members", "m2", json("{\"role\":\"viewer\"}"));
    store.create("members", "m3", json("{\"role\":\"owner\"}"));

    Page page = store.query(Query.on("members").whereEqualTo("role", "owner").build());

    assertEquals(List.of("m1", "m3"), ids(page));
  }

  @Test
  void queryFiltersOnLong() {
    store.create("jobs", "j1", json("{\"attempts\":3}"));
    store.create("jobs", "j2", json("{\"attempts\":30}"));
    store.create("jobs", "j3", json("{\"attempts\":3}"));

    Page page = store.query(Query.on("jobs").whereEqualTo("attempts", 3L).build());

    assertEquals(List.of("j1", "j3"), ids(page));
  }

  @Test
  void queryFiltersOnBoolean() {
    store.create("jobs", "j1", json("{\"done\":true}"));
    store.create("jobs", "j2", json("{\"done\":false}"));
    store.create("jobs", "j3", json("{\"done\":true}"));

    assertEquals(List.of("j1", "j3"), ids(store.query(Query.on("jobs").whereEqualTo("done", true).build())));
    assertEquals(List.of("j2"), ids(store.query(Query.on("jobs").whereEqualTo("done", false).build())));
  }

  @Test
  void queryFilterMatchesTypeAsWellAsValue() {
    store.create("things", "string", json("{\"v\":\"1\"}"));
    store.create("things", "number", json("{\"v\":1}"));
    store.create("things", "boolean", json("{\"v\":true}"));

    assertEquals(List.of("string"), ids(store.query(Query.on("things").whereEqualTo("v", "1").build())));
    assertEquals(List.of("number"), ids(store.query(Query.on("things").whereEqualTo("v", 1L).build())));
    assertEquals(List.of("boolean"), ids(store.query(Query.on("things").whereEqualTo("v", true).build())));
  }

  @Test
  void queryFiltersAreCombinedWithAnd() {
    store.create("members", "m1", json("{\"projectId\":\"p1\",\"role\":\"owner\"}"));
    store.create("members", "m2", json("{\"projectId\":\"p1\",\"role\":\"viewer\"}"));
    store.create("members", "m3", json("{\"projectId\":\"p2\",\"role\":\"owner\"}"));

    Page page = store.query(Query.on("members").whereEqualTo("projectId", "p1").whereEqualTo("role", "owner").build());

    assertEquals(List.of("m1"), ids(page));
  }

  @Test
  void queryFilterOnMissingFieldMatchesNothing() {
    store.create("members", "m1", json("{\"role\":\"owner\"}"));

    assertEquals(List.of(), ids(store.query(Query.on("members").whereEqualTo("uid", "u1").build())));
  }

  @Test
  void queryWithoutOrderSortsById() {
    for (String id : List.of("c", "a", "d", "b")) {
      store.create("items", id, json("{}"));
    }

    assertEquals(List.of("a", "b", "c", "d"), ids(store.query(Query.on("items").build())));
  }

  @Test
  void queryOrdersAscendingWithTiesBrokenByIdAscending() {
    store.create("items", "b", json("{\"rank\":2}"));
    store.create("items", "a", json("{\"rank\":2}"));
    store.create("items", "c", json("{\"rank\":1}"));
    store.create("items", "d", json("{\"rank\":3}"));

    Page page = store.query(Query.on("items").orderBy("rank", Direction.ASCENDING).build());

    assertEquals(List.of("c", "a", "b", "d"), ids(page));
  }

  @Test
  void queryOrdersDescendingWithTiesBrokenByIdDescending() {
    store.create("items", "b", json("{\"rank\":2}"));
    store.create("items", "a", json("{\"rank\":2}"));
    store.create("items", "c", json("{\"rank\":1}"));
    store.create("items", "d", json("{\"rank\":3}"));

    Page page = store.query(Query.on("items").orderBy("rank", Direction.DESCENDING).build());

    assertEquals(List.of("d", "b", "a", "c"), ids(page));
  }

  @Test
  void queryOrdersNumbersByValueNotAsText() {
    store.create("items", "nine", json("{\"n\":9}"));
    store.create("items", "ten", json("{\"n\":10}"));
    store.create("items", "half", json("{\"n\":0.5}"));
    store.create("items", "minus", json("{\"n\":-1}"));

    Page page = store.query(Query.on("items").orderBy("n", Direction.ASCENDING).build());

    assertEquals(List.of("minus", "half", "nine", "ten"), ids(page));
  }

  @Test
  void queryOrdersTimestampsAsText() {
    store.create("items", "late", json("{\"at\":\"2024-03-01T10:00:00.000Z\"}"));
    store.create("items", "early", json("{\"at\":\"2023-12-31T23:59:59.999Z\"}"));

    Page page = store.query(Query.on("items").orderBy("at", Direction.DESCENDING).build());

    assertEquals(List.of("late", "early"), ids(page));
  }

  @Test
  void queryRangeKeepsTextFromInclusiveToUntilExclusive() {
    store.create("items", "a", json("{\"p\":\"x\",\"at\":\"2024-01-01T00:00:00.000Z\"}"));
    store.create("items", "b", json("{\"p\":\"x\",\"at\":\"2024-01-02T00:00:00.000Z\"}"));
    store.create("items", "c", json("{\"p\":\"x\",\"at\":\"2024-01-03T00:00:00.000Z\"}"));
    store.create("items", "d", json("{\"p\":\"y\",\"at\":\"2024-01-02T00:00:00.000Z\"}"));

    Page both = store.query(Query.on("items").whereEqualTo("p", "x").orderBy("at", Direction.DESCENDING)
        .range("at", "2024-01-02T00:00:00.000Z", "2024-01-03T00:00:00.000Z").build());
    Page from = store.query(Query.on("items").whereEqualTo("p", "x").orderBy("at", Direction.DESCENDING)
        .range("at", "2024-01-02T00:00:00.000Z", null).build());
    Page until = store.query(Query.on("items").whereEqualTo("p", "x").orderBy("at", Direction.ASCENDING)
        .range("at", null, "2024-01-02T00:00:00.000Z").build());

    assertEquals(List.of("b"), ids(both));
    assertEquals(List.of("c", "b"), ids(from));
    assertEquals(List.of("a"), ids(until));
  }

  @Test
  void queryByIdPrefixFindsThoseIdsAloneInIdOrder() {
    for (String id : List.of("p1-2024-05-s2", "p1-2024-05", "p1-2024-05-held", "p1-2024-04-s1", "p1-2024-0",
        "p10-2024-05", "p1-2024-06", "p1-2024-05\u00e9")) {
      store.create("usage", id, json("{\"n\":1}"));
    }
    store.create("other", "p1-2024-05-s1", json("{\"n\":1}"));

    Page page = store.query(Query.on("usage").whereIdStartsWith("p1-2024-05").build());
    Page none = store.query(Query.on("usage").whereIdStartsWith("p2-").build());
    List<String> inTransaction = store.transaction(tx -> ids(tx.query(Query.on("usage")
        .whereIdStartsWith("p1-2024-05-").build())));

    assertEquals(List.of("p1-2024-05", "p1-2024-05-held", "p1-2024-05-s2", "p1-2024-05\u00e9"), ids(page));
    assertEquals(List.of(), ids(none));
    assertEquals(List.of("p1-2024-05-held", "p1-2024-05-s2"), inTransaction);
  }

  @Test
  void queryByIdPrefixPagesWithCursors() {
    for (int i = 1; i <= 5; i++) {
      store.create("usage", "k-" + i, json("{\"n\":1}"));
    }
    store.create("usage", "l-1", json("{\"n\":1}"));
    Query.Builder q = Query.on("usage").whereIdStartsWith("k-").limit(2);

    Page first = store.query(q.build());
    Page second = store.query(q.startAfter(first.nextCursor()).build());
    Page third = store.query(q.startAfter(second.nextCursor()).build());

    assertEquals(List.of("k-1", "k-2"), ids(first));
    assertEquals(List.of("k-3", "k-4"), ids(second));
    assertEquals(List.of("k-5"), ids(third));
    assertNull(third.nextCursor());
  }

  @Test
  void queryRangePagesWithCursors() {
    for (int i = 1; i <= 5; i++) {
      store.create("items", "i" + i, json("{\"at\":\"2024-01-0" + i + "T00:00:00.000Z\"}"));
    }
    Query.Builder q = Query.on("items").orderBy("at", Direction.DESCENDING)
        .range("at", "2024-01-02T00:00:00.000Z", "2024-01-05T00:00:00.000Z").limit(2);

    Page first = store.query(q.build());
    Page second = store.query(q.startAfter(first.nextCursor()).build());

    assertEquals(List.of("i4", "i3"), ids(first));
    assertEquals(List.of("i2"), ids(second));
    assertNull(second.nextCursor());
  }

  @Test
  void queryOrderedByFieldLeavesOutDocumentsWithoutIt() {
    store.create("items", "with", json("{\"rank\":1}"));
    store.create("items", "without", json("{\"other\":1}"));

    Page page = store.query(Query.on("items").orderBy("rank", Direction.ASCENDING).build());

    assertEquals(List.of("with"), ids(page));
  }

  @Test
  void queryLimitCapsPageAndGivesCursor() {
    createNumbered("items", 5);

    Page page = store.query(Query.on("items").limit(2).build());

    assertEquals(List.of("i00", "i01"), ids(page));
    assertNotNull(page.nextCursor());
  }

  @Test
  void pageThatReachesTheEndHasNoCursor() {
    createNumbered("items", 4);

    Page page = store.query(Query.on("items").limit(4).build());

    assertEquals(4, page.items().size());
    assertNull(page.nextCursor());
  }

  @Test
  void cursorPagesThroughAllDocumentsById() {
    createNumbered("items", 23);

    List<String> seen = pageThrough(Query.on("items").limit(5), null);

    assertEquals(numberedIds(23), seen);
  }

  @Test
  void cursorPagesAscendingThroughTiesWithoutDuplicatesOrGaps() {
    for (int i = 0; i < 20; i++) {
      store.create("items", String.format("i%02d", i), json("{\"rank\":" + (i % 4) + "}"));
    }

    List<String> seen = pageThrough(Query.on("items").orderBy("rank", Direction.ASCENDING).limit(3), null);

    List<String> expected = numberedIds(20).stream()
        .sorted((a, b) -> {
          int ra = Integer.parseInt(a.substring(1)) % 4;
          int rb = Integer.parseInt(b.substring(1)) % 4;
          return ra != rb ? Integer.compare(ra, rb) : a.compareTo(b);
        })
        .collect(Collectors.toList());
    assertEquals(expected, seen);
  }

  @Test
  void cursorPagesDescendingThroughTiesWithoutDuplicatesOrGaps() {
    for (int i = 0; i < 20; i++) {
      store.create("items", String.format("i%02d", i), json("{\"rank\":" + (i % 3) + "}"));
    }

    List<String> seen = pageThrough(Query.on("items").orderBy("rank", Direction.DESCENDING).limit(4), null);

    List<String> expected = numberedIds(20).stream()
        .sorted((a, b) -> {
          int ra = Integer.parseInt(a.substring(1)) % 3;
          int rb = Integer.parseInt(b.substring(1)) % 3;
          return ra != rb ? Integer.compare(rb, ra) : b.compareTo(a);
        })
        .collect(Collectors.toList());
    assertEquals(expected, seen);
  }

  @Test
  void cursorPagesKeepTheFilters() {
    for (int i = 0; i < 12; i++) {
      store.create("items", String.format("i%02d", i), json("{\"even\":" + (i % 2 == 0) + ",\"at\":\"t" + (20 - i) + "\"}"));
    }

    List<String> seen = pageThrough(
        Query.on("items").whereEqualTo("even", true).orderBy("at", Direction.ASCENDING).limit(2), null);

    assertEquals(List.of("i10", "i08", "i06", "i04", "i02", "i00"), seen);
  }

  @Test
  void cursorPagingSurvivesDocumentsAddedBetweenPages() {
    for (int i = 1; i <= 10; i++) {
      store.create("items", String.format("d%02d", i), json("{}"));
    }
    List<String> seen = new ArrayList<>();
    Page first = store.query(Query.on("items").limit(3).build());
    seen.addAll(ids(first));

    store.create("items", "d00", json("{}"));
    store.create("items", "d055", json("{}"));
    seen.addAll(pageThrough(Query.on("items").limit(3), first.nextCursor()));

    assertEquals(List.of("d01", "d02", "d03", "d04", "d05", "d055", "d06", "d07", "d08", "d09", "d10"), seen);
  }

  @Test
  void cursorPagingSurvivesOrderedDocumentsAddedBetweenPages() {
    for (int i = 1; i <= 9; i++) {
      store.create("items", "k" + i, json("{\"rank\":" + (i * 10) + "}"));
    }
    List<String> seen = new ArrayList<>();
    Query.Builder query = Query.on("items").orderBy("rank", Direction.DESCENDING).limit(4);
    Page first = store.query(query.build());
    seen.addAll(ids(first));

    store.create("items", "top", json("{\"rank\":1000}"));
    store.create("items", "k55", json("{\"rank\":55}"));
    store.create("items", "k60b", json("{\"rank\":60}"));
    store.create("items", "k5z", json("{\"rank\":60}"));
    seen.addAll(pageThrough(Query.on("items").orderBy("rank", Direction.DESCENDING).limit(4), first.nextCursor()));

    assertEquals(List.of("k9", "k8", "k7", "k6", "k5z", "k55", "k5", "k4", "k3", "k2", "k1"), seen);
  }

  @Test
  void garbageCursorIsRejected() {
    createNumbered("items", 3);
    String base64Json = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8));
    String base64Text = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("not json at all".getBytes(StandardCharsets.UTF_8));

    for (String cursor : List.of("garbage!!", "%%%", base64Json, base64Text, "AAAA")) {
      assertThrows(InvalidCursorException.class,
          () -> store.query(Query.on("items").startAfter(cursor).build()), "cursor " + cursor);
    }
  }

  @Test
  void tamperedCursorIsRejected() {
    createNumbered("items", 5);
    String cursor = store.query(Query.on("items").limit(2).build()).nextCursor();
    String tampered = cursor.substring(0, cursor.length() / 2);

    assertThrows(InvalidCursorException.class, () -> store.query(Query.on("items").startAfter(tampered).build()));
  }

  @Test
  void cursorFromQueryWithDifferentOrderFieldIsRejected() {
    for (int i = 0; i < 5; i++) {
      store.create("items", "i" + i, json("{\"a\":" + i + ",\"b\":" + i + "}"));
    }
    String cursor = store.query(Query.on("items").orderBy("a", Direction.ASCENDING).limit(2).build()).nextCursor();

    assertThrows(InvalidCursorException.class, () -> store.query(
        Query.on("items").orderBy("b", Direction.ASCENDING).startAfter(cursor).build()));
    assertThrows(InvalidCursorException.class, () -> store.query(Query.on("items").startAfter(cursor).build()));
  }

  @Test
  void cursorFromQueryWithDifferentDirectionIsRejected() {
    for (int i = 0; i < 5; i++) {
      store.create("items", "i" + i, json("{\"a\":" + i + "}"));
    }
    String cursor = store.query(Query.on("items").orderBy("a", Direction.ASCENDING).limit(2).build()).nextCursor();

    assertThrows(InvalidCursorException.class, () -> store.query(
        Query.on("items").orderBy("a", Direction.DESCENDING).startAfter(cursor).build()));
  }

  @Test
  void cursorFromAnotherCollectionIsRejected() {
    createNumbered("items", 5);
    createNumbered("others", 5);
    String cursor = store.query(Query.on("items").limit(2).build()).nextCursor();

    assertThrows(InvalidCursorException.class, () -> store.query(Query.on("others").startAfter(cursor).build()));
  }

  // ---- transactions ----

  @Test
  void transactionReturnsWhatItsBodyReturns() {
    store.create("users", "u1", json("{\"name\":\"Ada\"}"));

    String name = store.transaction(tx -> tx.get("users", "u1").orElseThrow().data().get("name").getAsString());

    assertEquals("Ada", name);
  }

  @Test
  void transactionCommitsAllItsWrites() {
    store.create("users", "gone", json("{}"));

    store.transaction(tx -> {
      tx.create("users", "u1", json("{\"v\":1}"));
      tx.set("projects", "p1", json("{\"v\":2}"));
      tx.delete("users", "gone");
      return null;
    });

    assertTrue(store.get("users", "u1").isPresent());
    assertTrue(store.get("projects", "p1").isPresent());
    assertFalse(store.get("users", "gone").isPresent());
  }

  @Test
  void exceptionInTransactionBodyWritesNothingAndIsRethrown() {
    store.create("users", "keep", json("{\"v\":1}"));
    IllegalStateException boom = new IllegalStateException("boom");

    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.transaction(tx -> {
      tx.set("users", "keep", json("{\"v\":2}"));
      tx.create("users", "new", json("{}"));
      tx.delete("users", "keep");
      throw boom;
    }));

    assertSame(boom, thrown);
    assertEquals(json("{\"v\":1}"), store.get("users", "keep").orElseThrow().data());
    assertFalse(store.get("users", "new").isPresent());
  }

  @Test
  void transactionQuerySeesCommittedDocuments() {
    store.create("members", "m1", json("{\"projectId\":\"p1\"}"));
    store.create("members", "m2", json("{\"projectId\":\"p2\"}"));

    List<String> found = store.transaction(tx -> ids(tx.query(Query.on("members").whereEqualTo("projectId", "p1").build())));

    assertEquals(List.of("m1"), found);
  }

  @Test
  void readAfterWriteInTransactionIsRejected() {
    assertThrows(IllegalStateException.class, () -> store.transaction(tx -> {
      tx.set("users", "u1", json("{}"));
      return tx.get("users", "u1");
    }));
    assertFalse(store.get("users", "u1").isPresent());
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void concurrentReadModifyWriteTransactionsLoseNoUpdate() throws Exception {
    store.create("counters", "c", json("{\"n\":0}"));
    int threads = 8;
    int iterations = 25;

    runConcurrently(threads, () -> {
      for (int i = 0; i < iterations; i++) {
        store.transaction(tx -> {
          long n = tx.get("counters", "c").orElseThrow().data().get("n").getAsLong();
          tx.set("counters", "c", json("{\"n\":" + (n + 1) + "}"));
          return null;
        });
      }
      return null;
    });

    assertEquals(threads * iterations, store.get("counters", "c").orElseThrow().data().get("n").getAsLong());
  }

  // ---- increments ----

  @Test
  void incrementMakesAMissingDocumentFromZeroAndSetsItsFields() {
    store.transaction(tx -> {
      tx.increment("counters", "c", json("{\"period\":\"2026-12\"}"), json("{\"n\":3,\"cost\":-2,\"secs\":1.5}"));
      return null;
    });
    JsonObject d = store.get("counters", "c").orElseThrow().data();
    assertEquals("2026-12", d.get("period").getAsString());
    assertEquals(3, d.get("n").getAsLong());
    assertEquals(-2, d.get("cost").getAsLong());
    assertEquals(1.5, d.get("secs").getAsDouble());
    assertEquals(4, d.size(), d.toString());
  }

  @Test
  void incrementAddsToWhatIsStoredAndKeepsTheOtherFields() {
    store.create("counters", "c", json("{\"n\":40,\"secs\":0.25,\"label\":\"kept\",\"nested\":{\"a\":1},"
        + "\"text\":\"seven\",\"period\":\"old\"}"));
    store.transaction(tx -> {
      tx.increment("counters", "c", json("{\"period\":\"new\"}"), json("{\"n\":2,\"secs\":0.5,\"text\":1,\"fresh\":-1}"));
      return null;
    });
    JsonObject d = store.get("counters", "c").orElseThrow().data();
    assertEquals(42, d.get("n").getAsLong());
    assertEquals(0.75, d.get("secs").getAsDouble());
    assertEquals(1, d.get("text").getAsLong(), "a field that held no number counts from zero");
    assertEquals(-1, d.get("fresh").getAsLong());
    assertEquals("kept", d.get("label").getAsString());
    assertEquals(json("{\"a\":1}"), d.get("nested"));
    assertEquals("new", d.get("period").getAsString());
  }

  @Test
  void incrementKeepsWholeNumbersWholeAndPastTwoToTheFiftyThree() {
    store.create("counters", "c", json("{\"n\":9007199254740993}"));
    store.transaction(tx -> {
      tx.increment("counters", "c", json("{}"), json("{\"n\":2}"));
      return null;
    });
    assertEquals("9007199254740995", store.get("counters", "c").orElseThrow().data().get("n").getAsString());
  }

  @Test
  void incrementRefusesWhatIsNotAPlainFieldAndANumber() {
    for (String[] bad : new String[][] {{"{}", "{}"}, {"{}", "{\"n\":\"1\"}"}, {"{}", "{\"a.b\":1}"},
        {"{}", "{\"__name__\":1}"}, {"{\"n\":\"x\"}", "{\"n\":1}"}, {"{\"a b\":\"x\"}", "{\"n\":1}"}}) {
      assertThrows(IllegalArgumentException.class, () -> store.transaction(tx -> {
        tx.increment("counters", "c", json(bad[0]), json(bad[1]));
        return null;
      }), bad[0] + " " + bad[1]);
    }
    assertFalse(store.get("counters", "c").isPresent());
  }

  @Test
  void anIncrementIsAWriteNoReadMayFollowAndAFailedTransactionAddsNothing() {
    store.create("counters", "c", json("{\"n\":1}"));
    store.create("counters", "taken", json("{}"));
    assertThrows(IllegalStateException.class, () -> store.transaction(tx -> {
      tx.increment("counters", "c", json("{}"), json("{\"n\":1}"));
      return tx.get("counters", "d");
    }));
    assertThrows(DocumentExistsException.class, () -> store.transaction(tx -> {
      tx.increment("counters", "c", json("{}"), json("{\"n\":1}"));
      tx.create("counters", "taken", json("{}"));
      return null;
    }));
    assertEquals(1, store.get("counters", "c").orElseThrow().data().get("n").getAsLong());
  }

  @Test
  void anIncrementTellsWhatItLeftOnceCommitted() {
    store.create("counters", "c", json("{\"n\":40,\"label\":\"kept\"}"));
    Added added = store.transaction(tx -> {
      Added a = tx.increment("counters", "c", json("{}"), json("{\"n\":2,\"secs\":0.5}"));
      assertThrows(IllegalStateException.class, a::totals, "nothing has been added before the commit");
      return a;
    });
    assertEquals(json("{\"n\":42,\"secs\":0.5}"), added.totals());
  }

  /**
   * Whether this adapter's store tells an increment what it left at its commit (true), so that each
   * of several increments finds its own total; an adapter that reads it afterwards may find later
   * ones too.
   */
  protected boolean incrementsToldAtCommit() {
    return true;
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void concurrentIncrementsEachFindWhatTheirCommitLeft() throws Exception {
    int threads = 4;
    int iterations = 10;
    List<Long> totals = java.util.Collections.synchronizedList(new ArrayList<>());
    runConcurrently(threads, () -> {
      for (int i = 0; i < iterations; i++) {
        Added added = store.transaction(tx -> tx.increment("counters", "c", json("{}"), json("{\"n\":1}")));
        totals.add(added.totals().get("n").getAsLong());
      }
      return null;
    });
    List<Long> sorted = totals.stream().sorted().toList();
    assertEquals(threads * iterations, sorted.size());
    assertEquals(threads * iterations, sorted.get(sorted.size() - 1), "the last commit finds the whole count");
    if (incrementsToldAtCommit()) {
      assertEquals(java.util.stream.LongStream.rangeClosed(1, threads * iterations).boxed().toList(), sorted,
          "each commit finds its own count: exactly one finds the whole");
    } else {
      assertTrue(sorted.stream().allMatch(n -> n >= 1 && n <= threads * iterations), sorted.toString());
    }
  }

  @Test
  void aBatchedReadInATransactionReadsSeveralCollectionsInOrder() {
    store.create("users", "u1", json("{\"n\":1}"));
    store.create("pairs", "a", json("{\"n\":2}"));
    List<Optional<Document>> found = store.transaction(tx -> {
      List<Optional<Document>> read = tx.getAll(List.of(new DocumentStore.Key("pairs", "a"),
          new DocumentStore.Key("users", "nobody"), new DocumentStore.Key("users", "u1"),
          new DocumentStore.Key("pairs", "a")));
      assertEquals(read.get(2), tx.get("users", "u1"), "a later read of the same document finds the same");
      tx.set("users", "u1", json("{\"n\":3}"));
      return read;
    });
    assertEquals(4, found.size());
    assertEquals(new Document("pairs", "a", json("{\"n\":2}")), found.get(0).orElseThrow());
    assertTrue(found.get(1).isEmpty());
    assertEquals(new Document("users", "u1", json("{\"n\":1}")), found.get(2).orElseThrow());
    assertEquals(found.get(0), found.get(3));
    assertEquals(json("{\"n\":3}"), store.get("users", "u1").orElseThrow().data());
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void concurrentIncrementsLoseNothing() throws Exception {
    int threads = 8;
    int iterations = 25;
    runConcurrently(threads, () -> {
      for (int i = 0; i < iterations; i++) {
        store.transaction(tx -> {
          tx.increment("counters", "c", json("{\"kind\":\"test\"}"), json("{\"n\":1,\"half\":0.5}"));
          return null;
        });
      }
      return null;
    });
    JsonObject d = store.get("counters", "c").orElseThrow().data();
    assertEquals(threads * iterations, d.get("n").getAsLong());
    assertEquals(threads * iterations / 2.0, d.get("half").getAsDouble());
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void transactionReadsSeeOneConsistentSnapshot() throws Exception {
    store.create("pairs", "a", json("{\"n\":0}"));
    store.create("pairs", "b", json("{\"n\":0}"));
    AtomicBoolean writing = new AtomicBoolean(true);
    List<String> torn = java.util.Collections.synchronizedList(new ArrayList<>());

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?> writer = pool.submit(() -> {
        try {
          for (int i = 0; i < 100; i++) {
            store.transaction(tx -> {
              long n = tx.get("pairs", "a").orElseThrow().data().get("n").getAsLong();
              tx.set("pairs", "a", json("{\"n\":" + (n + 1) + "}"));
              tx.set("pairs", "b", json("{\"n\":" + (n + 1) + "}"));
              return null;
            });
          }
        } finally {
          writing.set(false);
        }
        return null;
      });
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        readers.add(pool.submit(() -> {
          while (writing.get()) {
            long[] pair = store.transaction(tx -> new long[] {
                tx.get("pairs", "a").orElseThrow().data().get("n").getAsLong(),
                tx.get("pairs", "b").orElseThrow().data().get("n").getAsLong()});
            if (pair[0] != pair[1]) {
              torn.add(pair[0] + "/" + pair[1]);
            }
          }
          return null;
        }));
      }
      writer.get();
      for (Future<?> reader : readers) {
        reader.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(List.of(), torn, "a transaction saw a and b from different commits");
    assertEquals(100, store.get("pairs", "b").orElseThrow().data().get("n").getAsLong());
  }

  // ---- helpers ----

  protected static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  protected static List<String> ids(Page page) {
    return page.items().stream().map(Document::id).collect(Collectors.toList());
  }

  private JsonObject roundTrip(JsonObject data) {
    store.create("roundtrip", "doc", data);
    return store.get("roundtrip", "doc").orElseThrow().data();
  }

  private void assertRoundTrip(JsonObject data) {
    JsonObject expected = data.deepCopy();
    assertEquals(expected, roundTrip(data));
  }

  private void createNumbered(String collection, int count) {
    for (int i = 0; i < count; i++) {
      store.create(collection, String.format("i%02d", i), json("{\"n\":" + i + "}"));
    }
  }

  private static List<String> numberedIds(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(String.format("i%02d", i));
    }
    return ids;
  }

  /** Follows cursors from {@code cursor} to the end; fails on a repeated id or a runaway loop. */
  private List<String> pageThrough(Query.Builder query, String cursor) {
    List<String> seen = new ArrayList<>();
    Set<String> unique = new HashSet<>();
    String next = cursor;
    for (int pages = 0; pages < 1000; pages++) {
      Page page = store.query(query.startAfter(next).build());
      for (String id : ids(page)) {
        assertTrue(unique.add(id), "document " + id + " came back twice");
        seen.add(id);
      }
      next = page.nextCursor();
      if (next == null) {
        return seen;
      }
      assertFalse(page.items().isEmpty(), "a page with a next cursor was empty");
    }
    throw new AssertionError("paging did not end after 1000 pages");
  }

  private static void runConcurrently(int threads, Callable<Void> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      for (Future<Void> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
