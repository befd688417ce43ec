package dev.contentcreator.anthropic;

import static dev.contentcreator.testkit.http.FakeApiServer.json;
import static dev.contentcreator.testkit.http.FakeApiServer.slow;
import static dev.contentcreator.testkit.http.FakeApiServer.sse;
import static dev.contentcreator.testkit.http.FakeApiServer.sseCut;
import static dev.contentcreator.testkit.http.FakeApiServer.sseEndEarly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderException.Kind;
import dev.contentcreator.testkit.http.FakeApiServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Anthropic adapter against a local server speaking the Messages API's wire format. */
class AnthropicTextTest {
  static final String KEY = "sk-ant-api03-Zk9QwErTy";
  static final String PATH = "/v1/messages";

  private final FakeApiServer fake = FakeApiServer.start("anthropic");
  private AnthropicProvider provider;

  @AfterEach
  void stop() {
    if (provider != null) {
      provider.close();
    }
    fake.close();
  }

  static Config config(FakeApiServer fake, String timeout) {
    return Config.of(Map.of("ANTHROPIC_API_KEY", KEY, "ANTHROPIC_BASE_URL", fake.baseUrl(),
        "ANTHROPIC_TIMEOUT", timeout));
  }

  private AnthropicProvider provider(String timeout) {
    provider = AnthropicProvider.of(AnthropicSettings.fromConfig(config(fake, timeout)).orElseThrow());
    return provider;
  }

  private AnthropicProvider provider() {
    return provider("5s");
  }

  static ItemRequest text(Map<String, String> options) {
    return new ItemRequest("item-1", ContentKind.TEXT, "", "Write a line about coffee.",
        "You write for a coffee roaster.", options, "user-42");
  }

  /** The key as the SDK sent it: in x-api-key, or (this SDK version) as a bearer token. */
  static String sentKey(FakeApiServer.Recorded sent) {
    String key = sent.header("x-api-key");
    String auth = sent.header("authorization");
    return key != null ? key : auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
  }

  private ProviderException failure(FakeApiServer.Answer answer) {
    fake.on(PATH, answer);
    return assertThrows(ProviderException.class, () -> provider().generate(text(Map.of()), Progress.NONE));
  }

  @Test
  void streamsTextDeltasAndAssemblesTheAnswer() throws Exception {
    fake.on(PATH, sse(fake.fixture("messages-stream.sse")));
    List<String> deltas = new ArrayList<>();
    ItemResult result = provider().generate(text(Map.of()), new Progress() {
      @Override public void textDelta(String delta) { deltas.add(delta); }
      @Override public void percent(int percent) { }
    });
    assertEquals(List.of("Fresh beans, ", "roasted this morning."), deltas);
    assertEquals("Fresh beans, roasted this morning.", result.text());
    assertEquals("anthropic", result.provider());
    assertEquals("claude-sonnet-4-5", result.model());
  }

  @Test
  void takesInputTokensFromMessageStartAndOutputTokensFromMessageDelta() throws Exception {
    fake.on(PATH, sse(fake.fixture("messages-stream.sse")));
    ItemResult result = provider().generate(text(Map.of()), Progress.NONE);
    assertEquals(new ItemResult.Usage(25, 15, 0, 0), result.usage());
  }

  @Test
  void sendsTheKeyVersionModelSystemPromptMaxTokensAndUser() throws Exception {
    fake.on(PATH, sse(fake.fixture("messages-stream.sse")));
    provider().generate(text(Map.of("maxTokens", "300", "temperature", "1")), Progress.NONE);
    FakeApiServer.Recorded sent = fake.onlyRequest();
    assertEquals(KEY, sentKey(sent));
    assertTrue(sent.header("anthropic-version") != null, "the API version is always sent");
    JsonObject body = sent.json();
    assertEquals("claude-sonnet-4-5", body.get("model").getAsString());
    assertEquals(300, body.get("max_tokens").getAsInt());
    assertTrue(body.get("stream").getAsBoolean());
    assertEquals("You write for a coffee roaster.", body.get("system").getAsString());
    assertEquals(0.5, body.get("temperature").getAsDouble());
    assertEquals("user-42", body.getAsJsonObject("metadata").get("user_id").getAsString());
    assertEquals("Write a line about coffee.",
        body.getAsJsonArray("messages").get(0).getAsJsonObject().get("content").getAsString());
  }

  @Test
  void sendsADefaultMaxTokensSinceAnthropicRequiresOne() throws Exception {
    fake.on(PATH, sse(fake.fixture("messages-stream.sse")));
    provider().generate(text(Map.of()), Progress.NONE);
    assertEquals(TextGeneration.DEFAULT_MAX_TOKENS, fake.onlyRequest().json().get("max_tokens").getAsLong());
  }

  @Test
  void aNamedModelIsSentAsItIs() throws Exception {
    fake.on(PATH, sse(fake.fixture("messages-stream.sse")));
    ItemRequest haiku = new ItemRequest("item-1", ContentKind.TEXT, "claude-haiku-4-5", "Hi", null, Map.of(), null);
    ItemResult result = provider().generate(haiku, Progress.NONE);
    assertEquals("claude-haiku-4-5", fake.onlyRequest().json().get("model").getAsString());
    assertEquals("claude-haiku-4-5", result.model());
    assertFalse(fake.onlyRequest().json().has("system"));
  }

  @Test
  void rateLimitIsRetryableAfterTheServersRetryAfter() {
    ProviderException e = failure(json(429, fake.fixture("error-rate-limit.json"), "retry-after", "7"));
    assertEquals(Kind.RATE_LIMITED, e.kind());
    assertEquals(Duration.ofSeconds(7), e.retryAfter());
    assertEquals(429, e.httpStatus());
    assertEquals("anthropic", e.provider());
  }

  @Test
  void overloaded529IsRateLimitedWithALongerWaitWhenUnsaid() {
    ProviderException e = failure(json(529, fake.fixture("error-overloaded.json")));
    assertEquals(Kind.RATE_LIMITED, e.kind());
    assertEquals(AnthropicProvider.OVERLOADED_WAIT, e.retryAfter());
    assertTrue(e.userMessage().contains("overloaded"), e.userMessage());
  }

  @Test
  void serverErrorIsTransient() {
    ProviderException e = failure(json(500, fake.fixture("error-api.json")));
    assertEquals(Kind.TRANSIENT, e.kind());
    assertNull(e.retryAfter());
  }

  @Test
  void badRequestIsPermanentWithAnthropicsReason() {
    ProviderException e = failure(json(400, fake.fixture("error-invalid.json")));
    assertEquals(Kind.PERMANENT, e.kind());
    assertTrue(e.userMessage().contains("max_tokens"), e.userMessage());
  }

  @Test
  void aRefusedKeyIsPermanentAndNeverEchoed() {
    ProviderException e = failure(json(401, fake.fixture("error-auth.json")));
    assertEquals(Kind.PERMANENT, e.kind());
    assertTrue(e.userMessage().contains("ANTHROPIC_API_KEY"), e.userMessage());
    assertFalse(e.getMessage().contains(KEY), e.getMessage());
    assertFalse(e.userMessage().contains(KEY), e.userMessage());
  }

  @Test
  void anErrorEventInTheStreamIsRetryableOverload() {
    ProviderException e = failure(sse(fake.fixture("messages-stream-overloaded.sse")));
    assertEquals(Kind.RATE_LIMITED, e.kind());
    assertEquals(AnthropicProvider.OVERLOADED_WAIT, e.retryAfter());
  }

  @Test
  void aStreamWithoutMessageStopWasCutShort() {
    ProviderException e = failure(sseEndEarly(fake.fixture("messages-stream.sse"), 5));
    assertEquals(Kind.TRANSIENT, e.kind());
    assertTrue(e.userMessage().contains("cut off"), e.userMessage());
  }

  @Test
  void aDroppedConnectionMidStreamIsTransient() {
    ProviderException e = failure(sseCut(fake.fixture("messages-stream.sse"), 3));
    assertTrue(e.retryable(), e.kind().toString());
  }

  @Test
  void malformedJsonInTheStreamIsTransient() {
    ProviderException e = failure(sse(fake.fixture("messages-stream-malformed.sse")));
    assertEquals(Kind.TRANSIENT, e.kind());
  }

  @Test
  void aRefusalStopReasonIsRefused() {
    ProviderException e = failure(sse(fake.fixture("messages-stream-refusal.sse")));
    assertEquals(Kind.REFUSED, e.kind());
  }

  @Test
  void aSlowAnswerTimesOut() {
    fake.on(PATH, slow(Duration.ofSeconds(5), sse(fake.fixture("messages-stream.sse"))));
    ProviderException e = assertThrows(ProviderException.class,
        () -> provider("300ms").generate(text(Map.of()), Progress.NONE));
    assertEquals(Kind.TIMEOUT, e.kind());
  }

  @Test
  void theSdkDoesNotRetryByItself() {
    failure(json(529, fake.fixture("error-overloaded.json")));
    assertEquals(1, fake.requests().size());
  }

  @Test
  void aBadOptionIsRefusedBeforeAnyCall() {
    ProviderException e = assertThrows(ProviderException.class,
        () -> provider().generate(text(Map.of("maxTokens", "lots")), Progress.NONE));
    assertEquals(Kind.PERMANENT, e.kind());
    assertTrue(fake.requests().isEmpty());
  }

  @Test
  void aProjectsOwnKeyIsSentInsteadOfTheServers() throws Exception {
    fake.on(PATH, sse(fake.fixture("messages-stream.sse")));
    provider().generate(text(Map.of()), Progress.NONE, "sk-ant-project-Bq72");
    provider.generate(text(Map.of()), Progress.NONE, null);
    assertEquals("sk-ant-project-Bq72", sentKey(fake.requests().get(0)));
    assertEquals(KEY, sentKey(fake.requests().get(1)));
  }

  @Test
  void aProjectKeyRefusedIsNeverEchoed() {
    fake.on(PATH, json(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
        + "\"message\":\"invalid x-api-key Project-Key-Bq72Zz\"}}"));
    ProviderException e = assertThrows(ProviderException.class,
        () -> provider().generate(text(Map.of()), Progress.NONE, "Project-Key-Bq72Zz"));
    assertFalse(e.getMessage().contains("Project-Key-Bq72Zz"), e.getMessage());
  }

  @Test
  void buildingTheProviderMakesNoClientUntilTheFirstCall() {
    AnthropicProvider lazy = provider();
    assertFalse(lazy.clientCreated());
    assertEquals(List.of("claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1"), lazy.models(ContentKind.TEXT));
    assertEquals(List.of(), lazy.models(ContentKind.IMAGE));
    assertFalse(lazy.clientCreated());
  }

  @Test
  void noKeyNoProvider() {
    assertTrue(new AnthropicProviderFactory().syncProvider(Config.of(Map.of())).isEmpty());
    assertTrue(new AnthropicProviderFactory().syncProvider(config(fake, "5s")).isPresent());
  }
}
