package dev.contentcreator.functions.scheduler;

import static dev.contentcreator.functions.scheduler.SchedulerRig.INVOKER;
import static dev.contentcreator.functions.scheduler.SchedulerRig.MONDAY_0900;
import static dev.contentcreator.functions.scheduler.SchedulerRig.SUNDAY;
import static dev.contentcreator.functions.scheduler.SchedulerRig.post;
import static dev.contentcreator.functions.scheduler.SchedulerRig.serve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.http.InternalEndpoint;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.gcp.backup.FirestoreExporter;
import dev.contentcreator.testkit.classes.RecordingClassLoader;
import dev.contentcreator.testkit.http.FakeHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cloud Scheduler's targets on the embedded store, with a clock the test moves. */
class SchedulerFunctionTest {
  @TempDir Path dir;
  private volatile Instant now = SUNDAY;
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  };
  private Platform platform;
  private Services services;
  private HttpServer firestore;
  private final List<String> exportRequests = new CopyOnWriteArrayList<>();
  private final AtomicInteger exportersMade = new AtomicInteger();

  @BeforeEach
  void open() throws IOException {
    platform = Platform.create(Config.of(Map.of("DATA_DIR", dir.toString())), clock);
    services = new Services(platform);
    firestore = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    firestore.createContext("/", exchange -> {
      exportRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] out = "{\"name\":\"projects/demo-project/databases/(default)/operations/OP1\"}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, out.length);
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(out);
      }
    });
    firestore.start();
  }

  @AfterEach
  void close() {
    firestore.stop(0);
    platform.close();
  }

  private Supplier<FirestoreExporter> exporter() {
    return () -> {
      exportersMade.incrementAndGet();
      return FirestoreExporter.builder().baseUrl("http://127.0.0.1:" + firestore.getAddress().getPort() + "/v1")
          .projectId("demo-project").bucket("demo-project-backups").accessTokens(() -> "ya29.t").clock(clock).build();
    };
  }

  private InternalEndpoint endpoint() {
    return SchedulerRig.endpoint(services, clock, exporter());
  }

  @Test
  void aTickStartsTheDueRunOnceHoweverOftenItIsCalled() {
    SchedulerRig.weeklyBatch(services);
    InternalEndpoint endpoint = endpoint();
    now = MONDAY_0900.minusSeconds(30);
    assertEquals(0, serve(endpoint, post("/batches:tick", INVOKER, now)).json().get("started").getAsInt());

    now = MONDAY_0900.plusSeconds(15);
    FakeHttp.Response first = serve(endpoint, post("/batches:tick", INVOKER, now));
    FakeHttp.Response second = serve(endpoint, post("/batches:tick", INVOKER, now));

    assertEquals(200, first.status(), first.text());
    assertEquals(1, first.json().get("started").getAsInt());
    assertEquals(0, second.json().get("started").getAsInt());
    assertEquals(0, exportersMade.get(), "a tick makes no exporter");
  }

  @Test
  void aTickWithoutATokenIsUnauthorizedAndStartsNothing() {
    SchedulerRig.weeklyBatch(services);
    now = MONDAY_0900.plusSeconds(15);
    FakeHttp.Response r = serve(endpoint(), new FakeHttp.Request("POST", "/batches:tick"));

    assertEquals(401, r.status());
    assertTrue(r.header("WWW-Authenticate").isPresent());
    assertTrue(r.header("Content-Type").orElse("").startsWith("application/problem+json"));
    assertEquals(1, serve(endpoint(), post("/batches:tick", INVOKER, now)).json().get("started").getAsInt(),
        "the refused call started nothing, so the run is still due");
  }

  @Test
  void anotherServiceAccountIsForbidden() {
    FakeHttp.Response r = serve(endpoint(), post("/batches:tick", "someone@other.iam.gserviceaccount.com", now));
    assertEquals(403, r.status());
    assertEquals(403, r.json().get("status").getAsInt());
  }

  @Test
  void anExportStartsAndAnswers202WithTheOperation() {
    now = Instant.parse("2026-11-26T03:00:00Z");
    FakeHttp.Response r = serve(endpoint(), post("/backups:export", INVOKER, now));

    assertEquals(202, r.status(), r.text());
    JsonObject body = r.json();
    assertEquals("projects/demo-project/databases/(default)/operations/OP1", body.get("operation").getAsString());
    assertEquals("gs://demo-project-backups/firestore/20261126T030000Z", body.get("outputUriPrefix").getAsString());
    assertEquals(List.of("POST /v1/projects/demo-project/databases/(default):exportDocuments "
        + "{\"outputUriPrefix\":\"gs://demo-project-backups/firestore/20261126T030000Z\"}"), exportRequests);
  }

  @Test
  void anExportFirestoreRefusesIsABadGatewayNotAnInternalError() {
    firestore.removeContext("/");
    firestore.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(403, -1);
      exchange.close();
    });
    FakeHttp.Response r = serve(endpoint(), post("/backups:export", INVOKER, now));
    assertEquals(502, r.status(), r.text());
    assertFalse(r.text().contains("403"), "the body names nothing of Firestore's answer: " + r.text());
  }

  @Test
  void anExportWithoutATokenStartsNothing() {
    FakeHttp.Response r = serve(endpoint(), new FakeHttp.Request("POST", "/backups:export")
        .header("Authorization", "Bearer not-a-token"));
    assertEquals(401, r.status());
    assertEquals(0, exportersMade.get());
    assertTrue(exportRequests.isEmpty());
  }

  @Test
  void aSweepFansOutQueuedJobs() {
    SchedulerRig.weeklyBatch(services);
    now = MONDAY_0900.plusSeconds(15);
    serve(endpoint(), post("/batches:tick", INVOKER, now));
    FakeHttp.Response r = serve(endpoint(), post("/jobs:sweep", INVOKER, now));
    assertEquals(200, r.status(), r.text());
    assertEquals(1, r.json().get("jobs").getAsInt());
    assertTrue(platform.isLoaded(TaskQueue.class), "the sweep enqueued the run's items");
  }

  @Test
  void unknownTargetsAreNotFoundAndOnlyPostIsAllowed() {
    assertEquals(404, serve(endpoint(), post("/batches:tock", INVOKER, now)).status());
    FakeHttp.Response get = serve(endpoint(), new FakeHttp.Request("GET", "/batches:tick"));
    assertEquals(405, get.status());
    assertEquals("POST", get.header("Allow").orElse(""));
  }

  @Test
  void aTickOfAnOpenAiBatchLoadsNoClassOfOpenAiJava() throws Exception {
    try (RecordingClassLoader loader = new RecordingClassLoader()) {
      Class<?> entry = Class.forName(IsolatedTick.class.getName(), true, loader);
      Object started = entry.getMethod("run", String.class).invoke(null, dir.resolve("isolated").toString());

      assertEquals(1, started, "the tick started the OpenAI batch's run");
      assertTrue(loader.requested().contains(SchedulerApi.class.getName()), "the loader records what is loaded");
      assertTrue(loader.requested().contains("dev.contentcreator.openai.OpenAiProviderFactory"),
          "OpenAI was configured, so its adapter was asked for");
      assertEquals(List.of(), loader.requestedFrom(RecordingClassLoader.OPENAI_SDK));
    }
  }
}
