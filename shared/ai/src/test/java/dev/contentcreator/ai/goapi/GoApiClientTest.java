package dev.contentcreator.ai.goapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderException.Kind;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GoApiClientTest {
  static final String KEY = "test-key-7f3a9c51";
  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  private final FakeGoApi goapi = new FakeGoApi();
  private final GoApiClient client = clientFor(goapi.baseUrl());

  private static GoApiClient clientFor(URI base) {
    return GoApiClient.builder().baseUrl(base).apiKey(KEY).requestTimeout(Duration.ofSeconds(5))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  @AfterEach
  void stop() {
    goapi.close();
  }

  private static GoApiTaskRequest imagine() {
    return GoApiTaskRequest.builder().model("midjourney").taskType("imagine")
        .input("prompt", "a lighthouse at dawn").input("aspect_ratio", "16:9").build();
  }

  private ProviderException createFails() {
    return assertThrows(ProviderException.class, () -> client.createTask(imagine()));
  }

  @Test
  void createPostsToTheTaskPathWithTheKeyAndJson() throws Exception {
    goapi.replyFixture("create-midjourney-imagine.json");
    client.createTask(imagine());
    FakeGoApi.Recorded sent = goapi.onlyRequest();
    assertEquals("POST", sent.method());
    assertEquals("/api/v1/task", sent.path());
    assertEquals(KEY, sent.header("X-API-Key"));
    assertEquals("application/json", sent.header("Content-Type"));
  }

  @Test
  void createSendsModelTaskTypeAndInput() throws Exception {
    goapi.replyFixture("create-midjourney-imagine.json");
    client.createTask(imagine());
    JsonObject body = JsonParser.parseString(goapi.onlyRequest().body()).getAsJsonObject();
    assertEquals("midjourney", body.get("model").getAsString());
    assertEquals("imagine", body.get("task_type").getAsString());
    assertEquals("a lighthouse at dawn", body.getAsJsonObject("input").get("prompt").getAsString());
    assertEquals("16:9", body.getAsJsonObject("input").get("aspect_ratio").getAsString());
    assertFalse(body.has("config"), "no config when neither service mode nor webhook is set");
  }

  @Test
  void createSendsServiceModeAndWebhookConfig() throws Exception {
    goapi.replyFixture("create-midjourney-imagine.json");
    client.createTask(GoApiTaskRequest.builder().model("midjourney").taskType("imagine").input("prompt", "x")
        .serviceMode("public")
        .webhook(URI.create("https://studio.example.com/api/webhooks/goapi"), "whsec-test-4f1d").build());
    JsonObject config = JsonParser.parseString(goapi.onlyRequest().body()).getAsJsonObject().getAsJsonObject("config");
    assertEquals("public", config.get("service_mode").getAsString());
    assertEquals("https://studio.example.com/api/webhooks/goapi",
        config.getAsJsonObject("webhook_config").get("endpoint").getAsString());
    assertEquals("whsec-test-4f1d", config.getAsJsonObject("webhook_config").get("secret").getAsString());
  }

  @Test
  void createAnswersTheTaskAsGoApiReportsIt() throws Exception {
    goapi.replyFixture("create-midjourney-imagine.json");
    GoApiTask task = client.createTask(imagine());
    assertEquals("5d3e1c0a-8f4b-4e2a-9b17-6c2f0e9a7b31", task.taskId());
    assertEquals("pending", task.status());
    assertEquals("midjourney", task.model());
    assertEquals("imagine", task.taskType());
  }

  @Test
  void getSendsGetToTheTaskIdPathWithTheKey() throws Exception {
    goapi.replyFixture("get-midjourney-imagine-processing.json");
    client.getTask("5d3e1c0a-8f4b-4e2a-9b17-6c2f0e9a7b31");
    FakeGoApi.Recorded sent = goapi.onlyRequest();
    assertEquals("GET", sent.method());
    assertEquals("/api/v1/task/5d3e1c0a-8f4b-4e2a-9b17-6c2f0e9a7b31", sent.path());
    assertEquals(KEY, sent.header("x-api-key"));
    assertEquals("", sent.body());
  }

  @Test
  void aBaseUrlWithAPathKeepsItsPath() throws Exception {
    goapi.replyFixture("create-midjourney-imagine.json");
    clientFor(URI.create(goapi.baseUrl() + "/relay/")).createTask(imagine());
    assertEquals("/relay/api/v1/task", goapi.onlyRequest().path());
  }

  @Test
  void aTaskIdThatIsNotAnIdIsRefusedWithoutACall() {
    ProviderException e = assertThrows(ProviderException.class, () -> client.getTask("../admin?x=1"));
    assertEquals(Kind.PERMANENT, e.kind());
    assertTrue(goapi.requests().isEmpty());
  }

  @Test
  void badKeyIs401PermanentWithAReadableMessage() {
    goapi.reply(401, Fixtures.text("error-401.json"));
    ProviderException e = createFails();
    assertEquals(Kind.PERMANENT, e.kind());
    assertEquals(401, e.httpStatus());
    assertEquals("GoAPI refused the request: Invalid API key", e.userMessage());
  }

  @Test
  void aRefusalThatEchoesTheKeyDoesNotRepeatIt() {
    goapi.reply(403, "{\"code\":403,\"message\":\"key " + KEY + " may not use this model\"}");
    ProviderException e = createFails();
    assertFalse(e.userMessage().contains(KEY), e.userMessage());
    assertFalse(e.getMessage().contains(KEY), e.getMessage());
    assertTrue(e.userMessage().contains("[redacted]"), e.userMessage());
  }

  @Test
  void aRefusalWithoutAMessageStillSaysWhat() {
    goapi.reply(401, "");
    assertEquals("GoAPI refused the request: the API key was not accepted", createFails().userMessage());
  }

  @Test
  void aBannedPromptAt400IsRefusedNotJustPermanent() {
    goapi.reply(400, Fixtures.text("error-400-banned.json"));
    ProviderException e = createFails();
    assertEquals(Kind.REFUSED, e.kind());
    assertEquals("GoAPI refused the prompt: failed to check prompt: banned prompt detected", e.userMessage());
  }

  @Test
  void anAccountWithoutCreditIsQuotaExceeded() {
    goapi.reply(400, "{\"code\":400,\"message\":\"insufficient credits to run this task\"}");
    assertEquals(Kind.QUOTA_EXCEEDED, createFails().kind());
  }

  @Test
  void anotherBadRequestIsPermanent() {
    goapi.reply(400, "{\"code\":400,\"message\":\"invalid request: input.aspect_ratio\"}");
    ProviderException e = createFails();
    assertEquals(Kind.PERMANENT, e.kind());
    assertEquals("GoAPI refused the request: invalid request: input.aspect_ratio", e.userMessage());
  }

  @Test
  void aClientErrorCodeInsideHttp200IsPermanent() {
    goapi.reply(200, "{\"code\":400,\"data\":{},\"message\":\"model not supported\"}");
    ProviderException e = createFails();
    assertEquals(Kind.PERMANENT, e.kind());
    assertEquals("GoAPI refused the request: model not supported", e.userMessage());
  }

  @Test
  void anUnknownTaskIs404Permanent() {
    goapi.reply(404, "{\"code\":404,\"message\":\"task not found\"}");
    ProviderException e = assertThrows(ProviderException.class, () -> client.getTask("gone-1234"));
    assertEquals(Kind.PERMANENT, e.kind());
    assertEquals(404, e.httpStatus());
  }

  @Test
  void rateLimitHonoursRetryAfterInSeconds() {
    goapi.reply(429, "{\"code\":429,\"message\":\"too many requests\"}", "Retry-After", "7");
    ProviderException e = createFails();
    assertEquals(Kind.RATE_LIMITED, e.kind());
    assertEquals(Duration.ofSeconds(7), e.retryAfter());
  }

  @Test
  void rateLimitHonoursRetryAfterAsAnHttpDate() {
    goapi.reply(429, "{\"code\":429,\"message\":\"too many requests\"}", "Retry-After", "Mon, 02 Mar 2026 10:01:30 GMT");
    assertEquals(Duration.ofSeconds(90), createFails().retryAfter());
  }

  @Test
  void rateLimitWithoutRetryAfterHasNoWait() {
    goapi.reply(429, "{\"code\":429,\"message\":\"too many requests\"}");
    ProviderException e = createFails();
    assertEquals(Kind.RATE_LIMITED, e.kind());
    assertNull(e.retryAfter());
  }

  @Test
  void serverErrorIsTransient() {
    goapi.reply(500, "{\"code\":500,\"message\":\"internal error\"}");
    ProviderException e = createFails();
    assertEquals(Kind.TRANSIENT, e.kind());
    assertEquals(500, e.httpStatus());
  }

  @Test
  void aFailedCallIsNotRetriedByTheClient() {
    goapi.reply(500, "{\"code\":500,\"message\":\"internal error\"}").replyFixture("create-midjourney-imagine.json");
    createFails();
    assertEquals(1, goapi.requests().size());
  }

  @Test
  void overloadedWithRetryAfterIsRateLimited() {
    goapi.reply(503, "<html>busy</html>", "Retry-After", "12");
    ProviderException e = createFails();
    assertEquals(Kind.RATE_LIMITED, e.kind());
    assertEquals(Duration.ofSeconds(12), e.retryAfter());
  }

  @Test
  void overloadedWithoutRetryAfterIsTransient() {
    goapi.reply(503, "<html>busy</html>");
    assertEquals(Kind.TRANSIENT, createFails().kind());
  }

  @Test
  void aSlowAnswerPastTheTimeoutIsTimeout() {
    goapi.replyAfter(Duration.ofSeconds(3), 200, Fixtures.text("create-midjourney-imagine.json"));
    GoApiClient impatient = GoApiClient.builder().baseUrl(goapi.baseUrl()).apiKey(KEY)
        .requestTimeout(Duration.ofMillis(250)).build();
    long start = System.nanoTime();
    ProviderException e = assertThrows(ProviderException.class, () -> impatient.createTask(imagine()));
    assertEquals(Kind.TIMEOUT, e.kind());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) < 0,
        "gave up before the answer came");
  }

  @Test
  void truncatedJsonIsTransient() {
    String full = Fixtures.text("get-midjourney-imagine-processing.json");
    goapi.reply(200, full.substring(0, full.length() / 2));
    ProviderException e = assertThrows(ProviderException.class, () -> client.getTask("5d3e1c0a"));
    assertEquals(Kind.TRANSIENT, e.kind());
  }

  @Test
  void aBodyThatIsNotJsonIsTransient() {
    goapi.reply(200, "<html><body>gateway</body></html>");
    assertEquals(Kind.TRANSIENT, createFails().kind());
  }

  @Test
  void anAnswerWithoutATaskIsTransient() {
    goapi.reply(200, "{\"code\":200,\"message\":\"success\",\"data\":{\"status\":\"pending\"}}");
    assertEquals(Kind.TRANSIENT, createFails().kind());
  }

  @Test
  void aRefusedConnectionIsTransient() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ProviderException e = assertThrows(ProviderException.class,
        () -> clientFor(URI.create("http://127.0.0.1:" + port)).createTask(imagine()));
    assertEquals(Kind.TRANSIENT, e.kind());
    assertEquals(0, e.httpStatus());
  }

  @Test
  void theHttpClientIsMadeOnTheFirstCallNotAtBuild() throws Exception {
    AtomicInteger made = new AtomicInteger();
    GoApiClient lazy = GoApiClient.builder().baseUrl(goapi.baseUrl()).apiKey(KEY).transport(() -> {
      made.incrementAndGet();
      return HttpClient.newHttpClient();
    }).build();
    assertEquals(0, made.get());
    goapi.replyFixture("create-midjourney-imagine.json").replyFixture("get-midjourney-imagine-processing.json");
    lazy.createTask(imagine());
    lazy.getTask("5d3e1c0a-8f4b-4e2a-9b17-6c2f0e9a7b31");
    assertEquals(1, made.get());
  }

  @Test
  void theBuilderRefusesABlankKey() {
    assertThrows(IllegalArgumentException.class, () -> GoApiClient.builder().apiKey(" "));
  }

  @Test
  void theBuilderRefusesABaseUrlThatIsNotHttp() {
    assertThrows(IllegalArgumentException.class, () -> GoApiClient.builder().baseUrl(URI.create("ftp://goapi.test")));
  }

  @Test
  void theBuilderRefusesAZeroTimeout() {
    assertThrows(IllegalArgumentException.class, () -> GoApiClient.builder().requestTimeout(Duration.ZERO));
  }

  @Test
  void aWebhookWithoutASecretIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> GoApiTaskRequest.builder()
        .webhook(URI.create("https://studio.example.com/hook"), ""));
  }
}
