package dev.contentcreator.openai;

import static dev.contentcreator.openai.FakeOpenAi.fixture;
import static dev.contentcreator.openai.FakeOpenAi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderException.Kind;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How each failure OpenAI can answer with becomes a {@link ProviderException} kind. */
class OpenAiErrorsTest {
  private static final String CHAT = "/v1/chat/completions";
  private static final String IMAGES = "/v1/images/generations";

  private final FakeOpenAi fake = FakeOpenAi.start();
  private OpenAiServices services = TestServices.services(fake);

  @AfterEach
  void stop() {
    services.close();
    fake.close();
  }

  @Test
  void rateLimit429IsRateLimitedAfterTheRetryAfterSeconds() {
    fake.on(CHAT, json(429, fixture("error-rate-limit.json"), "Retry-After", "7"));

    ProviderException e = failText();

    assertEquals(Kind.RATE_LIMITED, e.kind());
    assertEquals(429, e.httpStatus());
    assertEquals(Duration.ofSeconds(7), e.retryAfter());
    assertTrue(e.retryable());
  }

  @Test
  void retryAfterMsIsPreferredToRetryAfter() {
    fake.on(CHAT, json(429, fixture("error-rate-limit.json"), "Retry-After", "2", "retry-after-ms", "1500"));

    assertEquals(Duration.ofMillis(1500), failText().retryAfter());
  }

  @Test
  void retryAfterAsAnHttpDateIsTheWaitUntilThatTime() {
    services.close();
    Instant now = Instant.parse("2026-11-26T10:00:00Z");
    services = TestServices.services(fake, Clock.fixed(now, ZoneOffset.UTC));
    fake.on(CHAT, json(429, fixture("error-rate-limit.json"), "Retry-After", "Thu, 26 Nov 2026 10:00:30 GMT"));

    assertEquals(Duration.ofSeconds(30), failText().retryAfter());
  }

  @Test
  void rateLimit429WithoutRetryAfterLeavesTheWaitToTheCaller() {
    fake.on(CHAT, json(429, fixture("error-rate-limit.json")));

    ProviderException e = failText();

    assertEquals(Kind.RATE_LIMITED, e.kind());
    assertNull(e.retryAfter());
  }

  @Test
  void insufficientQuota429IsQuotaExceededAndNotRetried() {
    fake.on(CHAT, json(429, fixture("error-insufficient-quota.json"), "Retry-After", "1"));

    ProviderException e = failText();

    assertEquals(Kind.QUOTA_EXCEEDED, e.kind());
    assertFalse(e.retryable());
    assertEquals("The OpenAI account has no credit left.", e.userMessage());
  }

  @Test
  void serverError500IsTransient() {
    fake.on(CHAT, json(500, fixture("error-server.json")));

    ProviderException e = failText();

    assertEquals(Kind.TRANSIENT, e.kind());
    assertEquals(500, e.httpStatus());
    assertEquals("OpenAI had a temporary problem (it answered 500).", e.userMessage(),
        "the adapter says why; what happens next is the runner's to say");
  }

  @Test
  void overloaded503IsRateLimitedWithALongerWait() {
    fake.on(CHAT, json(503, fixture("error-overloaded.json")));

    ProviderException e = failText();

    assertEquals(Kind.RATE_LIMITED, e.kind());
    assertEquals(OpenAiErrors.OVERLOADED_WAIT, e.retryAfter());
    assertEquals("OpenAI is overloaded (it answered 503).", e.userMessage());
  }

  @Test
  void overloaded503HonoursItsRetryAfter() {
    fake.on(CHAT, json(503, fixture("error-overloaded.json"), "Retry-After", "45"));

    assertEquals(Duration.ofSeconds(45), failText().retryAfter());
  }

  @Test
  void anAnswerSlowerThanTheTimeoutIsTimeout() {
    services.close();
    services = TestServices.services(fake, OpenAiSettings.TIMEOUT, "300ms");
    fake.on(CHAT, FakeOpenAi.slow(Duration.ofSeconds(5), FakeOpenAi.sse(fixture("chat-stream.sse"))));
    long start = System.nanoTime();

    ProviderException e = failText();

    assertEquals(Kind.TIMEOUT, e.kind());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(4)) < 0,
        "gave up at the timeout, not when the answer came");
  }

  @Test
  void unauthorized401IsPermanentAndNeverShowsTheKey() {
    fake.on(CHAT, (exchange, request) -> json(401, "{\"error\":{\"message\":\"Incorrect API key provided: "
        + request.header("Authorization").substring("Bearer ".length())
        + ". You can find your API key in your account settings.\",\"type\":\"invalid_request_error\","
        + "\"param\":null,\"code\":\"invalid_api_key\"}}").write(exchange, request));

    ProviderException e = failText();

    assertEquals(Kind.PERMANENT, e.kind());
    assertEquals(401, e.httpStatus());
    assertTrue(e.userMessage().contains("OPENAI_API_KEY"), e.userMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(TestServices.KEY), "the key leaked: " + t.getMessage());
    }
    assertFalse(e.userMessage().contains(TestServices.KEY));
  }

  @Test
  void anUnknownModel404IsPermanentWithOpenAisReason() {
    fake.on(CHAT, json(404, fixture("error-model-not-found.json")));

    ProviderException e = failText();

    assertEquals(Kind.PERMANENT, e.kind());
    assertTrue(e.userMessage().contains("gpt-9-imaginary"), e.userMessage());
  }

  @Test
  void aBadRequest400IsPermanentWithOpenAisReason() {
    fake.on(CHAT, json(400, fixture("error-bad-request.json")));

    ProviderException e = failText();

    assertEquals(Kind.PERMANENT, e.kind());
    assertTrue(e.userMessage().startsWith("OpenAI rejected the request: Invalid 'messages[1].content'"),
        e.userMessage());
  }

  @Test
  void aContentPolicyViolationIsRefusedWithAReadableReason() {
    fake.on(IMAGES, json(400, fixture("error-content-policy.json")));
    ItemRequest request = TestServices.image("dall-e-3", Map.of());

    ProviderException e = assertThrows(ProviderException.class,
        () -> services.provider().generate(request, Progress.NONE));

    assertEquals(Kind.REFUSED, e.kind());
    assertFalse(e.retryable());
    assertTrue(e.userMessage().contains("safety system"), e.userMessage());
  }

  @Test
  void aServerThatCannotBeReachedIsTransient() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    services.close();
    services = OpenAiServices.fromConfig(TestServices.config(fake,
        OpenAiSettings.BASE_URL, "http://127.0.0.1:" + closedPort + "/v1")).orElseThrow();

    ProviderException e = failText();

    assertEquals(Kind.TRANSIENT, e.kind());
    assertEquals(0, e.httpStatus());
  }

  private ProviderException failText() {
    return assertThrows(ProviderException.class,
        () -> services.provider().generate(TestServices.text("Write a tagline."), Progress.NONE));
  }
}
