package dev.contentcreator.gcp.firestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import dev.contentcreator.core.ports.DocumentExistsException;
import dev.contentcreator.core.ports.StoreBusyException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the REST store reads Firestore's answers, against a local server that answers as Firestore
 * would: which failures a transaction runs again, which reach the caller as "busy" and which as
 * errors, and what each call sends.
 */
class FirestoreRestDocumentStoreTest {
  private static final String ABORTED = "{\"error\":{\"code\":409,\"message\":\"Transaction lock timeout.\",\"status\":\"ABORTED\"}}";

  private HttpServer server;
  /** Answers by method suffix (":commit" and so on), each a status and a body, taken in order. */
  private final Deque<String[]> answers = new ArrayDeque<>();
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private final List<JsonObject> bodies = Collections.synchronizedList(new ArrayList<>());
  private FirestoreRestDocumentStore store;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      String method = path.substring(path.lastIndexOf(':'));
      calls.add(method + " " + exchange.getRequestHeaders().getFirst("Authorization"));
      JsonObject body = JsonParser.parseString(new String(exchange.getRequestBody().readAllBytes(),
          StandardCharsets.UTF_8)).getAsJsonObject();
      bodies.add(body);
      String[] answer;
      synchronized (answers) {
        answer = method.equals(":rollback") || answers.isEmpty() ? defaultAnswer(method, body) : answers.poll();
      }
      byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    store = FirestoreRestDocumentStore.builder().projectId("demo-rest").emulatorHost("127.0.0.1:" + server.getAddress().getPort())
        .transactionAttempts(4).build();
  }

  @AfterEach
  void stop() {
    store.close();
    server.stop(0);
  }

  /** Firestore's answer when all goes well; a read that asks for a new transaction is told its id first. */
  private static String[] defaultAnswer(String method, JsonObject body) {
    String begun = body.has("newTransaction") ? "{\"transaction\":\"dHgx\"}," : "";
    return switch (method) {
      case ":batchGet" -> new String[] {"200", "[" + begun + "{\"missing\":\"projects/demo-rest/databases/(default)/documents/c/x\"}]"};
      case ":runQuery" -> new String[] {"200", "[" + begun + "{\"readTime\":\"2026-12-04T00:00:00Z\"}]"};
      default -> new String[] {"200", "{}"};
    };
  }

  private void answer(String status, String body) {
    answers.add(new String[] {status, body});
  }

  @Test
  void anAbortedCommitRunsTheBodyAgainInATransactionThatNamesTheLastOne() {
    String begun = defaultAnswer(":batchGet", json("{\"newTransaction\":{}}"))[1];
    answer("200", begun);
    answer("409", ABORTED);
    answer("200", begun);
    answer("409", ABORTED);
    int[] runs = {0};

    store.transaction(tx -> {
      runs[0]++;
      tx.get("counters", "c");
      tx.set("counters", "c", json("{\"n\":1}"));
      return null;
    });

    assertEquals(3, runs[0]);
    // The first read of each attempt begins it: no call of its own.
    assertEquals(List.of(":batchGet", ":commit", ":rollback", ":batchGet", ":commit", ":rollback", ":batchGet",
        ":commit"), calls.stream().map(c -> c.split(" ")[0]).toList());
    assertFalse(bodies.get(0).getAsJsonObject("newTransaction").getAsJsonObject("readWrite").has("retryTransaction"));
    assertFalse(bodies.get(0).has("transaction"));
    assertEquals("dHgx", bodies.get(1).get("transaction").getAsString(), "the commit names the begun transaction");
    assertEquals("dHgx", bodies.get(3).getAsJsonObject("newTransaction").getAsJsonObject("readWrite")
        .get("retryTransaction").getAsString());
    assertTrue(calls.stream().allMatch(c -> c.endsWith("Bearer owner")), calls.toString());
  }

  @Test
  void laterReadsNameTheTransactionTheFirstBegan() {
    store.transaction(tx -> {
      tx.get("c", "x");
      tx.query(dev.contentcreator.core.ports.Query.on("c").limit(5).build());
      tx.set("c", "x", json("{}"));
      return null;
    });

    assertEquals(List.of(":batchGet", ":runQuery", ":commit"), calls.stream().map(c -> c.split(" ")[0]).toList());
    assertTrue(bodies.get(0).has("newTransaction"));
    assertEquals("dHgx", bodies.get(1).get("transaction").getAsString());
    assertFalse(bodies.get(1).has("newTransaction"));
    assertEquals("dHgx", bodies.get(2).get("transaction").getAsString());
  }

  @Test
  void aReadThatAskedForATransactionAndGotNoneWritesNothing() {
    answer("200", "[{\"missing\":\"projects/demo-rest/databases/(default)/documents/c/x\"}]");

    assertThrows(IllegalStateException.class, () -> store.transaction(tx -> {
      tx.get("c", "x");
      tx.set("c", "x", json("{}"));
      return null;
    }));

    assertEquals(List.of(":batchGet"), calls.stream().map(c -> c.split(" ")[0]).toList(), "no commit");
  }

  @Test
  void aBatchedReadOfSeveralCollectionsIsOneCallAndLaterReadsOfThemAreAnsweredFromIt() {
    String docs = "projects/demo-rest/databases/(default)/documents/";
    answer("200", "[{\"transaction\":\"dHgx\"},{\"found\":{\"name\":\"" + docs + "jobs/j1\",\"fields\":{\"n\":"
        + "{\"integerValue\":\"2\"}}}},{\"missing\":\"" + docs + "items/i1\"}]");

    List<java.util.Optional<dev.contentcreator.core.ports.Document>> read = store.transaction(tx -> {
      List<java.util.Optional<dev.contentcreator.core.ports.Document>> found = tx.getAll(List.of(
          new dev.contentcreator.core.ports.DocumentStore.Key("items", "i1"),
          new dev.contentcreator.core.ports.DocumentStore.Key("jobs", "j1")));
      assertEquals(found.get(1), tx.get("jobs", "j1"), "answered from the batch");
      assertEquals(found.get(0), tx.get("items", "i1"));
      tx.set("items", "i1", json("{}"));
      return found;
    });

    assertTrue(read.get(0).isEmpty());
    assertEquals(2, read.get(1).orElseThrow().data().get("n").getAsLong());
    assertEquals("jobs", read.get(1).orElseThrow().collection());
    assertEquals(List.of(":batchGet", ":commit"), calls.stream().map(c -> c.split(" ")[0]).toList());
    assertEquals(2, bodies.get(0).getAsJsonArray("documents").size());
  }

  @Test
  void anIncrementIsToldWhatItLeftByTheCommitsAnswerWithoutARead() {
    answer("200", "{\"writeResults\":[{\"updateTime\":\"2026-12-04T00:00:00Z\"},{\"updateTime\":"
        + "\"2026-12-04T00:00:00Z\",\"transformResults\":[{\"integerValue\":\"7\"},{\"doubleValue\":2.5}]}],"
        + "\"commitTime\":\"2026-12-04T00:00:00Z\"}");
    dev.contentcreator.core.ports.Added[] added = new dev.contentcreator.core.ports.Added[1];

    store.transaction(tx -> {
      tx.set("c", "x", json("{}"));
      added[0] = tx.increment("counters", "c", json("{}"), json("{\"n\":1,\"secs\":0.5}"));
      assertThrows(IllegalStateException.class, added[0]::totals, "nothing is added before the commit");
      return null;
    });

    assertEquals(json("{\"n\":7,\"secs\":2.5}"), added[0].totals());
    assertEquals(List.of(":commit"), calls.stream().map(c -> c.split(" ")[0]).toList(), "no read after the commit");
  }

  @Test
  void aTransactionThatOnlyWritesCommitsThemAsOneBatch() {
    store.transaction(tx -> {
      tx.set("c", "x", json("{}"));
      tx.delete("c", "y");
      return null;
    });

    assertEquals(List.of(":commit"), calls.stream().map(c -> c.split(" ")[0]).toList());
    assertFalse(bodies.get(0).has("transaction"));
    assertEquals(2, bodies.get(0).getAsJsonArray("writes").size());
  }

  @Test
  void anExpiredTransactionRunsAgainButAnotherBadArgumentDoesNot() {
    answer("400", "{\"error\":{\"code\":400,\"message\":\"The referenced transaction has expired or is no longer "
        + "valid.\",\"status\":\"INVALID_ARGUMENT\"}}");
    int[] runs = {0};
    store.transaction(tx -> {
      runs[0]++;
      tx.set("c", "x", json("{}"));
      return null;
    });
    assertEquals(2, runs[0]);

    answer("400", "{\"error\":{\"code\":400,\"message\":\"Property too big\",\"status\":\"INVALID_ARGUMENT\"}}");
    runs[0] = 0;
    assertThrows(FirestoreStoreException.class, () -> store.transaction(tx -> {
      runs[0]++;
      tx.set("c", "x", json("{}"));
      return null;
    }));
    assertEquals(1, runs[0]);
  }

  @Test
  void anAbortedReadInTheBodyRollsBackAndRunsItAgain() {
    answer("409", "[" + ABORTED + "]");
    int[] runs = {0};

    store.transaction(tx -> {
      runs[0]++;
      return tx.get("c", "x");
    });

    assertEquals(2, runs[0]);
    // The aborted read began nothing it was told of, so there is nothing to roll back.
    assertEquals(List.of(":batchGet", ":batchGet", ":commit"), calls.stream().map(c -> c.split(" ")[0]).toList());
    assertEquals("dHgx", bodies.get(2).get("transaction").getAsString());
  }

  @Test
  void outOfAttemptsTheCallerIsToldToTryLater() {
    for (int i = 0; i < 4; i++) {
      answer("409", ABORTED);
    }

    StoreBusyException e = assertThrows(StoreBusyException.class, () -> store.transaction(tx -> {
      tx.set("counters", "c", json("{}"));
      return null;
    }));

    assertTrue(e.getMessage().contains("4 attempts"), e.getMessage());
    assertEquals(4, calls.stream().filter(c -> c.startsWith(":commit")).count());
  }

  @Test
  void aCreateOfAnExistingDocumentFailsAtOnceNamingIt() {
    answer("409", "{\"error\":{\"code\":409,\"message\":\"Document already exists: projects/demo-rest/databases/"
        + "(default)/documents/users/u1\",\"status\":\"ALREADY_EXISTS\"}}");

    DocumentExistsException e = assertThrows(DocumentExistsException.class, () -> store.transaction(tx -> {
      tx.create("audit", "a1", json("{}"));
      tx.create("users", "u1", json("{}"));
      return null;
    }));

    assertEquals("document already exists: users/u1", e.getMessage());
    assertEquals(1, calls.stream().filter(c -> c.startsWith(":commit")).count());
    JsonObject commit = bodies.get(0);
    assertEquals(json("{\"exists\":false}"), commit.getAsJsonArray("writes").get(1).getAsJsonObject().get("currentDocument"));
  }

  @Test
  void theBodysOwnExceptionRollsBackAndReachesTheCaller() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.transaction(tx -> {
      tx.get("c", "x");
      throw new IllegalArgumentException("the caller's own");
    }));

    assertEquals("the caller's own", e.getMessage());
    assertEquals(List.of(":batchGet", ":rollback"), calls.stream().map(c -> c.split(" ")[0]).toList());
    assertEquals("dHgx", bodies.get(1).get("transaction").getAsString());
  }

  @Test
  void anOutageIsBusyButARefusalIsAnError() {
    answer("503", "{\"error\":{\"code\":503,\"message\":\"down\",\"status\":\"UNAVAILABLE\"}}");
    answer("503", "{\"error\":{\"code\":503,\"message\":\"down\",\"status\":\"UNAVAILABLE\"}}");
    assertThrows(StoreBusyException.class, () -> store.get("c", "x"));
    assertEquals(2, calls.size(), "a read is tried once more at once");

    answer("400", "{\"error\":{\"code\":400,\"message\":\"bad\",\"status\":\"INVALID_ARGUMENT\"}}");
    FirestoreStoreException refused = assertThrows(FirestoreStoreException.class, () -> store.get("c", "x"));
    assertEquals("INVALID_ARGUMENT", assertInstanceOf(FirestoreRestDocumentStore.Failure.class, refused).status);
    assertTrue(refused.getMessage().contains("INVALID_ARGUMENT: bad"), refused.getMessage());

    answer("502", "<html>bad gateway</html>");
    answer("502", "<html>bad gateway</html>");
    assertThrows(StoreBusyException.class, () -> store.query(dev.contentcreator.core.ports.Query.on("c").build()));

    answer("503", "{\"error\":{\"code\":503,\"message\":\"down\",\"status\":\"UNAVAILABLE\"}}");
    int before = calls.size();
    assertThrows(StoreBusyException.class, () -> store.set("c", "x", json("{}")));
    assertEquals(before + 1, calls.size(), "a write is not sent twice");
  }

  @Test
  void anUnreachableFirestoreIsBusy() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    try (FirestoreRestDocumentStore nowhere = FirestoreRestDocumentStore.builder().projectId("demo-rest")
        .emulatorHost("127.0.0.1:" + closed).build()) {
      StoreBusyException e = assertThrows(StoreBusyException.class, () -> nowhere.get("users", "u1"));
      assertInstanceOf(FirestoreRestDocumentStore.Failure.class, e.getCause());
    }
  }

  @Test
  void callsPastTheStreamLimitWaitInsteadOfFailing() throws Exception {
    AtomicInteger now = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    HttpServer slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    slow.setExecutor(Executors.newFixedThreadPool(160));
    slow.createContext("/", exchange -> {
      most.accumulateAndGet(now.incrementAndGet(), Math::max);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      now.decrementAndGet();
      byte[] bytes = defaultAnswer(":batchGet", new JsonObject())[1].getBytes(StandardCharsets.UTF_8);
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    slow.start();
    ExecutorService callers = Executors.newFixedThreadPool(FirestoreRestDocumentStore.MAX_IN_FLIGHT + 30);
    try (FirestoreRestDocumentStore limited = FirestoreRestDocumentStore.builder().projectId("demo-rest")
        .emulatorHost("127.0.0.1:" + slow.getAddress().getPort()).build()) {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < FirestoreRestDocumentStore.MAX_IN_FLIGHT + 30; i++) {
        calls.add(callers.submit(() -> limited.get("c", "x")));
      }
      for (Future<?> call : calls) {
        call.get(60, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
      slow.stop(0);
    }

    assertTrue(most.get() <= FirestoreRestDocumentStore.MAX_IN_FLIGHT, "at most " + most.get());
    assertTrue(most.get() > 1, "calls ran one at a time: " + most.get());
  }

  @Test
  void retriesWaitUnderACeilingThatStartsAtOneSecondAndDoublesToThirtyTwo() {
    assertEquals(List.of(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 32_000L),
        java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(FirestoreRestDocumentStore::backoffCeilingMs).toList());
  }

  @Test
  void theBuilderChecksEverySettingAndConnectsToNothing() {
    FirestoreRestDocumentStore.Builder builder = FirestoreRestDocumentStore.builder();
    assertThrows(IllegalArgumentException.class, () -> builder.projectId(" "));
    assertThrows(IllegalArgumentException.class, () -> builder.databaseId(""));
    assertThrows(IllegalArgumentException.class, () -> builder.emulatorHost("http://127.0.0.1:8080/"));
    assertThrows(IllegalArgumentException.class, () -> builder.transactionAttempts(0));
    assertThrows(IllegalArgumentException.class, () -> builder.transactionAttempts(101));
    assertThrows(IllegalStateException.class, builder::build, "a store needs its project");

    try (FirestoreRestDocumentStore unused = builder.projectId("demo-x").emulatorHost("127.0.0.1:1").build()) {
      assertFalse(unused.connected());
    }
  }

  @Test
  void fieldNamesThatAreNotPlainAreQuoted() {
    assertEquals("projectId", FirestoreRestDocumentStore.fieldPath("projectId"));
    assertEquals("`a.b`", FirestoreRestDocumentStore.fieldPath("a.b"));
    assertEquals("`x\\`y\\\\z`", FirestoreRestDocumentStore.fieldPath("x`y\\z"));
    assertEquals("`1st`", FirestoreRestDocumentStore.fieldPath("1st"));
  }

  @Test
  void badIdsAndCollectionsAreRefusedBeforeAnyCall() {
    assertThrows(IllegalArgumentException.class, () -> store.get("users", "a/b"));
    assertThrows(IllegalArgumentException.class, () -> store.get("Users", "u1"));
    assertThrows(IllegalArgumentException.class, () -> store.set("users", "__x__", json("{}")));
    assertEquals(List.of(), calls);
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }
}
