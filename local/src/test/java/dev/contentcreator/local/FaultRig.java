package dev.contentcreator.local;

import com.google.gson.JsonObject;
import dev.contentcreator.local.Api.Answer;
import dev.contentcreator.local.Emulator.Person;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A local server in its own JVM whose OpenAI and GoAPI are a {@link FakeProviders}, with short
 * backoffs and timeouts so faults resolve in seconds; plus the calls a fault test makes through
 * the public API. Each test takes a person and a project of its own, so usage is its alone.
 */
final class FaultRig implements AutoCloseable {
  static final String WEBHOOK_SECRET = "whsec-fault-tests-7c1e";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final FakeProviders fake;
  final ServerProcess server;
  final Api api;

  private FaultRig(FakeProviders fake, ServerProcess server) {
    this.fake = fake;
    this.server = server;
    this.api = new Api(server.base());
  }

  /** Starts a fake and a server pointed at it; {@code overrides} replace or add settings. */
  static FaultRig start(Path data, Map<String, String> overrides) throws Exception {
    Emulator.ensureRunning();
    FakeProviders fake = FakeProviders.start();
    try {
      int port = ServerProcess.freePort();
      Map<String, String> env = new HashMap<>();
      env.put("OPENAI_API_KEY", FakeProviders.API_KEY);
      env.put("OPENAI_BASE_URL", fake.openAiBaseUrl());
      env.put("OPENAI_TIMEOUT", "2s");
      env.put("GOAPI_API_KEY", FakeProviders.API_KEY);
      env.put("GOAPI_BASE_URL", fake.baseUrl());
      env.put("GOAPI_WEBHOOK_SECRET", WEBHOOK_SECRET);
      env.put("PUBLIC_BASE_URL", "http://127.0.0.1:" + port);
      env.put("MEDIA_ALLOW_HTTP_LOOPBACK", "true");
      // The fake serves media from its own address; the allowlist holds for plain http too.
      env.put("MEDIA_HOST_ALLOWLIST", "127.0.0.1");
      env.put("GENERATION_MIN_BACKOFF", "100ms");
      env.put("GENERATION_MAX_BACKOFF", "1s");
      env.put("GENERATION_POLL_INTERVAL", "300ms");
      env.put("GUARD_MIN_BACKOFF", "50ms");
      env.put("GUARD_MAX_BACKOFF", "500ms");
      env.put("MODERATION", "false");
      // Tests of other behaviours must not trip one another's circuit; the circuit's own test sets it.
      env.put("GUARD_BREAKER_FAILURE_RATE", "0");
      env.put("GUARD_BREAKER_FAILURES", "1000");
      env.put("RATE_LIMIT_PER_USER", "100000/1m");
      env.put("RATE_LIMIT_PER_IP", "100000/1m");
      env.putAll(overrides);
      return new FaultRig(fake, ServerProcess.start(data, port, env));
    } catch (Exception e) {
      fake.close();
      throw e;
    }
  }

  /** A person signed up just now, owner of a project of their own. */
  record Owner(Person person, String projectId) {
    String token() {
      return person.idToken();
    }
  }

  Owner newOwner(String name) throws Exception {
    Person person = Emulator.signUp(name);
    String project = api.post("/api/projects", person.idToken(), "{\"name\":\"" + name + "'s studio\"}").expect(201)
        .object().get("id").getAsString();
    return new Owner(person, project);
  }

  /** A marker unique to one test, to put in its prompts and find its calls at the fake by. */
  static String marker(String what) {
    return what + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The body of a request for {@code count} images of {@code prompt} from the demo provider, 256x256. */
  static String images(int count, String prompt) {
    return "{\"kind\":\"image\",\"provider\":\"demo\",\"prompt\":\"" + prompt + "\",\"count\":" + count
        + ",\"options\":{\"size\":\"256x256\"}}";
  }

  Answer generate(Owner owner, String body, String idempotencyKey) throws Exception {
    return api.send("POST", "/api/projects/" + owner.projectId() + "/generations", owner.token(), body,
        Map.of("Idempotency-Key", idempotencyKey));
  }

  /** Asks for a generation with a new Idempotency-Key and answers the job's id (expects 202). */
  String startJob(Owner owner, String body) throws Exception {
    return generate(owner, body, UUID.randomUUID().toString()).expect(202).object().get("id").getAsString();
  }

  JsonObject job(Owner owner, String jobId) throws Exception {
    return api.get("/api/projects/" + owner.projectId() + "/generations/" + jobId, owner.token()).expect(200).object();
  }

  /** Polls the job until {@code until} holds of it; fails after {@code limit}. */
  JsonObject awaitJob(Owner owner, String jobId, Duration limit, Predicate<JsonObject> until) throws Exception {
    Instant deadline = Instant.now().plus(limit);
    JsonObject job = job(owner, jobId);
    while (!until.test(job)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("job " + jobId + " did not get there within " + limit + ": " + job);
      }
      Thread.sleep(100);
      job = job(owner, jobId);
    }
    return job;
  }

  /** Polls the job until it has ended: completed, failed or cancelled. */
  JsonObject awaitEnd(Owner owner, String jobId, Duration limit) throws Exception {
    return awaitJob(owner, jobId, limit, FaultRig::ended);
  }

  static boolean ended(JsonObject job) {
    return List.of("completed", "failed", "cancelled").contains(job.get("status").getAsString());
  }

  static List<JsonObject> items(JsonObject job) {
    return job.getAsJsonArray("items").asList().stream().map(e -> e.getAsJsonObject()).toList();
  }

  JsonObject content(Owner owner, String contentId) throws Exception {
    return api.get("/api/projects/" + owner.projectId() + "/contents/" + contentId, owner.token()).expect(200)
        .object();
  }

  /** The bytes of a content's current media, fetched as the app does, with the owner's token. */
  byte[] media(Owner owner, JsonObject content) throws IOException, InterruptedException {
    String url = content.getAsJsonObject("current").get("mediaUrl").getAsString();
    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(server.base().resolve(url))
        .header("Authorization", "Bearer " + owner.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new AssertionError("media answered " + r.statusCode());
    }
    return r.body();
  }

  /** The owner's usage this month, as {@code GET /api/me} shows it. */
  JsonObject usage(Owner owner) throws Exception {
    return api.get("/api/me", owner.token()).expect(200).object().getAsJsonObject("usage");
  }

  @Override
  public void close() throws Exception {
    try {
      server.close();
    } finally {
      fake.close();
    }
  }
}
