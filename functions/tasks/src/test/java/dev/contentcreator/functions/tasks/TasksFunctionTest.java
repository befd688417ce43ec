package dev.contentcreator.functions.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.testing.http.MockHttpTransport;
import com.google.api.client.testing.http.MockLowLevelHttpRequest;
import com.google.api.client.testing.http.MockLowLevelHttpResponse;
import com.google.gson.JsonObject;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.generation.GenerationRequest;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.generation.GenerationTasks;
import dev.contentcreator.core.generation.Jobs;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.http.InternalEndpoint;
import dev.contentcreator.core.http.RequestLog;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.gcp.oidc.GoogleOidcVerifier;
import dev.contentcreator.testkit.classes.RecordingClassLoader;
import dev.contentcreator.testkit.http.FakeHttp;
import dev.contentcreator.testkit.oidc.TestSigner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task runner as Cloud Tasks calls it: OIDC first, then the same handlers the local queue runs. */
class TasksFunctionTest {
  static final String AUDIENCE = "https://tasks-abc-ew.a.run.app";
  static final String INVOKER = "cloud-tasks@demo-project.iam.gserviceaccount.com";
  static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  static final TestSigner GOOGLE = TestSigner.generate("k1");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final RequestLog LOG = new RequestLog(System.out, "demo-project");

  @TempDir Path dir;
  private Platform platform;
  private final List<TaskHandler.Context> seen = new CopyOnWriteArrayList<>();
  private final List<JsonObject> payloads = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    if (platform != null) {
      platform.close();
    }
  }

  static GoogleOidcVerifier verifier() {
    String jwks = GOOGLE.jwks();
    return GoogleOidcVerifier.builder().audience(AUDIENCE).allowedEmails(List.of(INVOKER)).clock(CLOCK)
        .publicKeys("https://keys.test/certs", () -> new MockHttpTransport() {
          @Override
          public LowLevelHttpRequest buildRequest(String method, String url) {
            return new MockLowLevelHttpRequest(url)
                .setResponse(new MockLowLevelHttpResponse().setContentType("application/json").setContent(jwks));
          }
        }).build();
  }

  static String token(String email) {
    return GOOGLE.sign(TestSigner.claims(AUDIENCE, email, NOW.minusSeconds(30)));
  }

  /** An endpoint over handlers of the test's own, which record what they were given or throw. */
  private InternalEndpoint withHandlers(Map<String, TaskHandler> handlers) {
    return TasksApi.endpoint(verifier(), handlers, CLOCK, LOG);
  }

  private InternalEndpoint recording() {
    return withHandlers(Map.of("record", (context, payload) -> {
      seen.add(context);
      payloads.add(payload);
    }));
  }

  static FakeHttp.Request task(String handler, String body) {
    return new FakeHttp.Request("POST", "/" + handler)
        .header("Authorization", "Bearer " + token(INVOKER))
        .header("X-CloudTasks-QueueName", "generation")
        .header("X-CloudTasks-TaskName", "projects/p/locations/europe-west1/queues/generation/tasks/gen-abc")
        .header("X-CloudTasks-TaskRetryCount", "2")
        .header("X-CloudTasks-TaskExecutionCount", "2")
        .header("X-CC-Enqueued-At", "2026-11-26T09:59:00Z")
        .json(body);
  }

  /** Alice and a project of hers; returns the project's id. */
  static String aliceProject(Services services) {
    Caller alice = new Caller("alice", "alice@example.com", "Alice", null);
    services.users().ensure(alice);
    return services.projects().create(alice, "Shop", "").id();
  }

  /** A one-item text job of Alice's on the offline demo; returns its id. */
  static String demoTextJob(Services services, String project) {
    Caller alice = new Caller("alice", "alice@example.com", "Alice", null);
    return services.generation().create(alice, project, "key-1", new GenerationRequest(ContentKind.TEXT,
        Optional.of("A tagline for a bakery"), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
        Map.of(), 1, false, Optional.empty())).jobId();
  }

  static FakeHttp.Response serve(InternalEndpoint gateway, FakeHttp.Request request) {
    FakeHttp.Response response = new FakeHttp.Response();
    gateway.service(request, response);
    return response;
  }

  private static void assertProblem(FakeHttp.Response r, int status) {
    assertEquals(status, r.status(), r.text());
    assertTrue(r.header("Content-Type").orElse("").startsWith("application/problem+json"), r.getHeaders().toString());
    assertEquals(status, r.json().get("status").getAsInt());
  }

  @Test
  void aTaskRunsItsHandlerWithTheQueuesContext() {
    FakeHttp.Response r = serve(recording(), task("record", "{\"jobId\":\"j1\",\"index\":3}"));

    assertEquals(204, r.status(), r.text());
    assertEquals(List.of(new TaskHandler.Context("generation", "gen-abc", 3, Instant.parse("2026-11-26T09:59:00Z"))),
        seen);
    assertEquals(3, payloads.get(0).get("index").getAsInt());
  }

  @Test
  void withoutOurEnqueueTimeTheFirstAttemptIsNow() {
    FakeHttp.Request request = new FakeHttp.Request("POST", "/record")
        .header("Authorization", "Bearer " + token(INVOKER))
        .header("X-CloudTasks-QueueName", "generation")
        .header("X-CloudTasks-TaskName", "t1")
        .json("{}");
    assertEquals(204, serve(recording(), request).status());
    assertEquals(new TaskHandler.Context("generation", "t1", 1, NOW), seen.get(0));
  }

  @Test
  void noTokenIsUnauthorizedAndRunsNothing() {
    FakeHttp.Request request = new FakeHttp.Request("POST", "/record")
        .header("X-CloudTasks-QueueName", "generation").header("X-CloudTasks-TaskName", "t1").json("{}");
    FakeHttp.Response r = serve(recording(), request);

    assertProblem(r, 401);
    assertTrue(r.header("WWW-Authenticate").isPresent());
    assertTrue(seen.isEmpty());
  }

  @Test
  void anotherServiceAccountIsForbiddenAndRunsNothing() {
    FakeHttp.Request request = new FakeHttp.Request("POST", "/record")
        .header("Authorization", "Bearer " + token("intruder@other-project.iam.gserviceaccount.com"))
        .header("X-CloudTasks-QueueName", "generation").header("X-CloudTasks-TaskName", "t1").json("{}");

    assertProblem(serve(recording(), request), 403);
    assertTrue(seen.isEmpty());
  }

  @Test
  void anUnknownHandlerIsNotFound() {
    assertProblem(serve(recording(), task("no-such-handler", "{}")), 404);
  }

  @Test
  void theHandlerIsTheLastSegmentWhateverThePrefix() {
    FakeHttp.Request request = new FakeHttp.Request("POST", "/tasks/record")
        .header("Authorization", "Bearer " + token(INVOKER))
        .header("X-CloudTasks-QueueName", "generation").header("X-CloudTasks-TaskName", "t1")
        .body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/octet-stream");
    assertEquals(204, serve(recording(), request).status());
    assertEquals(1, seen.size());
  }

  @Test
  void getIsNotAllowed() {
    FakeHttp.Response r = serve(recording(), new FakeHttp.Request("GET", "/record"));
    assertEquals(405, r.status());
  }

  @Test
  void aBodyThatIsNotAJsonObjectIsABadRequest() {
    assertProblem(serve(recording(), task("record", "[1,2]")), 400);
    assertProblem(serve(recording(), task("record", "{not json")), 400);
    assertTrue(seen.isEmpty());
  }

  @Test
  void aMissingQueueHeaderIsABadRequest() {
    FakeHttp.Request request = new FakeHttp.Request("POST", "/record")
        .header("Authorization", "Bearer " + token(INVOKER)).header("X-CloudTasks-TaskName", "t1").json("{}");
    FakeHttp.Response r = serve(recording(), request);
    assertProblem(r, 400);
    assertTrue(r.text().contains("X-CloudTasks-QueueName"), r.text());
  }

  @Test
  void aMalformedEnqueueTimeIsABadRequest() {
    FakeHttp.Request request = task("record", "{}");
    request.getHeaders().put("X-CC-Enqueued-At", new java.util.ArrayList<>(List.of("yesterday")));
    assertProblem(serve(recording(), request), 400);
  }

  @Test
  void aHandlerAskingForLaterGets503WithRetryAfter() {
    InternalEndpoint g = withHandlers(Map.of("later", (c, p) -> {
      throw new TaskHandler.RetryLaterException("still running", Duration.ofMillis(29_500));
    }));
    FakeHttp.Response r = serve(g, task("later", "{}"));
    assertProblem(r, 503);
    assertEquals(Optional.of("30"), r.header("Retry-After"));
  }

  @Test
  void aProvidersTransientFailureIs503SoCloudTasksRetries() {
    InternalEndpoint g = withHandlers(Map.of("flaky", (c, p) -> {
      throw new ProviderException(ProviderException.Kind.TRANSIENT, "demo", "upstream 502", "The provider failed.",
          502, null, null);
    }));
    assertProblem(serve(g, task("flaky", "{}")), 503);
  }

  @Test
  void anUnexpectedFailureIs500AndSaysNothingInternal() {
    InternalEndpoint g = withHandlers(Map.of("broken", (c, p) -> {
      throw new IllegalStateException("secret table name xyz");
    }));
    FakeHttp.Response r = serve(g, task("broken", "{}"));
    assertProblem(r, 500);
    assertFalse(r.text().contains("xyz"), r.text());
  }

  @Test
  void theSameTaskDeliveredTwiceMakesItsItemOnce() {
    platform = Platform.create(Config.of(Map.of("DATA_DIR", dir.toString(), "DEMO_CHUNK_DELAY", "0ms")), CLOCK);
    Services services = new Services(platform);
    InternalEndpoint gateway = TasksApi.endpoint(verifier(), GenerationTasks.handlers(services::runner), CLOCK, LOG);
    String project = aliceProject(services);
    String jobId = demoTextJob(services, project);
    String payload = "{\"jobId\":\"" + jobId + "\",\"index\":0}";

    FakeHttp.Response first = serve(gateway, task(GenerationSettings.GENERATE_HANDLER, payload));
    FakeHttp.Response second = serve(gateway, task(GenerationSettings.GENERATE_HANDLER, payload));

    assertEquals(204, first.status(), first.text());
    assertEquals(204, second.status(), second.text());
    GenerationJob job = platform.documents().get(Jobs.JOBS, jobId).map(Jobs::job).orElseThrow();
    assertEquals(1, job.completed());
    assertEquals(GenerationJob.Status.COMPLETED, job.status());
    assertEquals(GenerationItem.Status.COMPLETED, Jobs.items(platform.documents(), jobId).get(0).status());
    assertEquals(1, services.contents().list("alice", project, Optional.empty(), 100, null).items().size());
  }

  @Test
  void aTaskOfTheDemoLoadsNoClassOfOpenAiJavaThoughTheFunctionShipsIt() throws Exception {
    try (RecordingClassLoader loader = new RecordingClassLoader()) {
      Class<?> entry = Class.forName(IsolatedDemoTask.class.getName(), true, loader);
      Object status = entry.getMethod("run", String.class).invoke(null, dir.resolve("isolated").toString());

      assertEquals(204, status);
      assertTrue(loader.requested().contains(TasksApi.class.getName()), "the loader records what is loaded");
      assertTrue(loader.requested().contains("dev.contentcreator.openai.OpenAiProviderFactory"),
          "the OpenAI adapter is on this function's classpath and was asked about");
      assertEquals(List.of(), loader.requestedFrom(RecordingClassLoader.OPENAI_SDK));
    }
  }
}
