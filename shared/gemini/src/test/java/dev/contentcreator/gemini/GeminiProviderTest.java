package dev.contentcreator.gemini;

import static dev.contentcreator.testkit.http.FakeApiServer.json;
import static dev.contentcreator.testkit.http.FakeApiServer.slow;
import static dev.contentcreator.testkit.http.FakeApiServer.sse;
import static dev.contentcreator.testkit.http.FakeApiServer.sseCut;
import static dev.contentcreator.testkit.http.FakeApiServer.sseEndEarly;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Gemini adapter against a local server speaking the Gemini API's wire format. */
class GeminiProviderTest {
  static final String KEY = "AIzaSyTest-Gx81vQ0pLmZ4";
  static final String STREAM = "/v1beta/models/gemini-2.5-flash:streamGenerateContent";
  static final String IMAGE = "/v1beta/models/gemini-2.5-flash-image:generateContent";

  private final FakeApiServer fake = FakeApiServer.start("gemini");
  private GeminiProvider provider;

  @AfterEach
  void stop() {
    if (provider != null) {
      provider.close();
    }
    fake.close();
  }

  static Config config(FakeApiServer fake, String timeout) {
    return Config.of(Map.of("GEMINI_API_KEY", KEY, "GEMINI_BASE_URL", fake.baseUrl(), "GEMINI_TIMEOUT", timeout));
  }

  private GeminiProvider provider(String timeout) {
    provider = GeminiProvider.of(GeminiSettings.fromConfig(config(fake, timeout)).orElseThrow());
    return provider;
  }

  private GeminiProvider provider() {
    return provider("5s");
  }

  static ItemRequest text(Map<String, String> options) {
    return new ItemRequest("item-1", ContentKind.TEXT, "", "Write a line about coffee.",
        "You write for a coffee roaster.", options, "user-42");
  }

  static ItemRequest image(Map<String, String> options) {
    return new ItemRequest("item-2", ContentKind.IMAGE, "", "a cup of coffee on a wooden table", null, options,
        "user-42");
  }

  private ProviderException failure(String path, FakeApiServer.Answer answer, ItemRequest request) {
    fake.on(path, answer);
    return assertThrows(ProviderException.class, () -> provider().generate(request, Progress.NONE));
  }

  private ProviderException textFailure(FakeApiServer.Answer answer) {
    return failure(STREAM, answer, text(Map.of()));
  }

  @Test
  void streamsTextChunksAndAssemblesTheAnswer() throws Exception {
    fake.on(STREAM, sse(fake.fixture("stream.sse")));
    List<String> deltas = new ArrayList<>();
    ItemResult result = provider().generate(text(Map.of()), new Progress() {
      @Override public void textDelta(String delta) { deltas.add(delta); }
      @Override public void percent(int percent) { }
    });
    assertEquals(List.of("Fresh beans, ", "roasted this morning."), deltas);
    assertEquals("Fresh beans, roasted this morning.", result.text());
    assertEquals("gemini", result.provider());
    assertEquals("gemini-2.5-flash", result.model());
  }

  @Test
  void usageIsTheLastChunksMetadataWithThinkingCountedAsOutput() throws Exception {
    fake.on(STREAM, sse(fake.fixture("stream.sse")));
    ItemResult result = provider().generate(text(Map.of()), Progress.NONE);
    assertEquals(new ItemResult.Usage(11, 21, 0, 0), result.usage());
  }

  @Test
  void asksForSseWithTheKeySystemInstructionAndLimits() throws Exception {
    fake.on(STREAM, sse(fake.fixture("stream.sse")));
    provider().generate(text(Map.of("maxTokens", "300", "temperature", "0.5")), Progress.NONE);
    FakeApiServer.Recorded sent = fake.onlyRequest();
    assertEquals("alt=sse", sent.query());
    assertEquals(KEY, sent.header("x-goog-api-key"));
    JsonObject body = sent.json();
    assertEquals("Write a line about coffee.", body.getAsJsonArray("contents").get(0).getAsJsonObject()
        .getAsJsonArray("parts").get(0).getAsJsonObject().get("text").getAsString());
    assertEquals("You write for a coffee roaster.", body.getAsJsonObject("systemInstruction")
        .getAsJsonArray("parts").get(0).getAsJsonObject().get("text").getAsString());
    assertEquals(300, body.getAsJsonObject("generationConfig").get("maxOutputTokens").getAsInt());
    assertEquals(0.5, body.getAsJsonObject("generationConfig").get("temperature").getAsDouble(), 1e-6);
  }

  @Test
  void rateLimitIsRetryable() {
    ProviderException e = textFailure(json(429, fake.fixture("error-429.json")));
    assertEquals(Kind.RATE_LIMITED, e.kind());
    assertEquals(429, e.httpStatus());
    assertEquals("gemini", e.provider());
  }

  @Test
  void unavailableIsOverloadedWithALongerWait() {
    ProviderException e = textFailure(json(503, fake.fixture("error-503.json")));
    assertEquals(Kind.RATE_LIMITED, e.kind());
    assertEquals(GeminiProvider.OVERLOADED_WAIT, e.retryAfter());
  }

  @Test
  void internalErrorIsTransient() {
    assertEquals(Kind.TRANSIENT, textFailure(json(500, fake.fixture("error-500.json"))).kind());
  }

  @Test
  void invalidArgumentIsPermanentWithGooglesReason() {
    ProviderException e = textFailure(json(400, fake.fixture("error-400.json")));
    assertEquals(Kind.PERMANENT, e.kind());
    assertTrue(e.userMessage().contains("maxOutputTokens"), e.userMessage());
  }

  @Test
  void permissionDeniedIsPermanent() {
    assertEquals(Kind.PERMANENT, textFailure(json(403, fake.fixture("error-403.json"))).kind());
  }

  @Test
  void aBlockedPromptIsRefused() {
    assertEquals(Kind.REFUSED, textFailure(sse(fake.fixture("stream-blocked.sse"))).kind());
  }

  @Test
  void anAnswerStoppedForSafetyIsRefused() {
    assertEquals(Kind.REFUSED, textFailure(sse(fake.fixture("stream-safety.sse"))).kind());
  }

  @Test
  void aStreamWithoutAFinishReasonWasCutShort() {
    ProviderException e = textFailure(sseEndEarly(fake.fixture("stream.sse"), 1));
    assertEquals(Kind.TRANSIENT, e.kind());
    assertTrue(e.userMessage().contains("cut off"), e.userMessage());
  }

  @Test
  void aDroppedConnectionMidStreamIsRetryable() {
    assertTrue(textFailure(sseCut(fake.fixture("stream.sse"), 1)).retryable());
  }

  @Test
  void malformedJsonInTheStreamIsTransient() {
    assertEquals(Kind.TRANSIENT, textFailure(sse(fake.fixture("stream-malformed.sse"))).kind());
  }

  @Test
  void aSlowAnswerTimesOut() {
    fake.on(STREAM, slow(Duration.ofSeconds(5), sse(fake.fixture("stream.sse"))));
    ProviderException e = assertThrows(ProviderException.class,
        () -> provider("300ms").generate(text(Map.of()), Progress.NONE));
    assertEquals(Kind.TIMEOUT, e.kind());
  }

  @Test
  void theSdkDoesNotRetryByItself() {
    textFailure(json(503, fake.fixture("error-503.json")));
    assertEquals(1, fake.requests().size());
  }

  @Test
  void anImageModelAnswersWithTheImageBytes() throws Exception {
    fake.on(IMAGE, json(200, fake.fixture("image.json")));
    ItemResult result = provider().generate(image(Map.of("aspectRatio", "16:9")), Progress.NONE);
    String b64 = JsonParser.parseString(fake.fixture("image.json")).getAsJsonObject().getAsJsonArray("candidates")
        .get(0).getAsJsonObject().getAsJsonObject("content").getAsJsonArray("parts").get(0).getAsJsonObject()
        .getAsJsonObject("inlineData").get("data").getAsString();
    assertEquals(1, result.media().size());
    assertArrayEquals(Base64.getDecoder().decode(b64), result.media().get(0).bytes());
    assertEquals("image/png", result.media().get(0).contentType());
    assertEquals(new ItemResult.Usage(9, 1290, 1, 0), result.usage());
    assertEquals("gemini-2.5-flash-image", result.model());
    JsonObject config = fake.onlyRequest().json().getAsJsonObject("generationConfig");
    assertEquals("IMAGE", config.getAsJsonArray("responseModalities").get(0).getAsString());
    assertEquals("16:9", config.getAsJsonObject("imageConfig").get("aspectRatio").getAsString());
    assertEquals(KEY, fake.onlyRequest().header("x-goog-api-key"));
  }

  @Test
  void anImageStoppedForSafetyIsRefused() {
    assertEquals(Kind.REFUSED, failure(IMAGE, json(200, fake.fixture("image-safety.json")), image(Map.of())).kind());
  }

  @Test
  void anAnswerWithOnlyWordsInsteadOfAnImageIsRefusedWithThem() {
    ProviderException e = failure(IMAGE, json(200, fake.fixture("image-words-only.json")), image(Map.of()));
    assertEquals(Kind.REFUSED, e.kind());
    assertTrue(e.userMessage().contains("can't make an image"), e.userMessage());
  }

  @Test
  void anImageOverloadIsRetryable() {
    assertEquals(Kind.RATE_LIMITED, failure(IMAGE, json(503, fake.fixture("error-503.json")), image(Map.of())).kind());
  }

  @Test
  void anUnknownAspectRatioIsRefusedBeforeAnyCall() {
    ProviderException e = assertThrows(ProviderException.class,
        () -> provider().generate(image(Map.of("aspectRatio", "2:1")), Progress.NONE));
    assertEquals(Kind.PERMANENT, e.kind());
    assertTrue(fake.requests().isEmpty());
  }

  @Test
  void aProjectsOwnKeyIsSentInsteadOfTheServers() throws Exception {
    fake.on(STREAM, sse(fake.fixture("stream.sse")));
    provider().generate(text(Map.of()), Progress.NONE, "AIzaProjectOwn-7Qb2");
    provider.generate(text(Map.of()), Progress.NONE, "");
    assertEquals("AIzaProjectOwn-7Qb2", fake.requests().get(0).header("x-goog-api-key"));
    assertEquals(KEY, fake.requests().get(1).header("x-goog-api-key"));
  }

  @Test
  void buildingTheProviderMakesNoClientUntilTheFirstCall() {
    GeminiProvider lazy = provider();
    assertFalse(lazy.clientCreated());
    assertEquals(List.of("gemini-2.5-flash", "gemini-2.5-pro"), lazy.models(ContentKind.TEXT));
    assertEquals(List.of("gemini-2.5-flash-image"), lazy.models(ContentKind.IMAGE));
    assertEquals(List.of(), lazy.models(ContentKind.VIDEO));
    assertFalse(lazy.clientCreated());
  }

  @Test
  void noKeyNoProvider() {
    assertTrue(new GeminiProviderFactory().syncProvider(Config.of(Map.of())).isEmpty());
    assertTrue(new GeminiProviderFactory().syncProvider(config(fake, "5s")).isPresent());
  }
}
