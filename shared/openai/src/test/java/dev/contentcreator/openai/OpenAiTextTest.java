package dev.contentcreator.openai;

import static dev.contentcreator.openai.FakeOpenAi.fixture;
import static dev.contentcreator.openai.FakeOpenAi.sse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.ProviderException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiTextTest {
  private static final String CHAT = "/v1/chat/completions";

  private final FakeOpenAi fake = FakeOpenAi.start();
  private final OpenAiServices services = TestServices.services(fake);

  @AfterEach
  void stop() {
    services.close();
    fake.close();
  }

  @Test
  void assemblesTheStreamedTextAndTakesUsageFromTheLastChunk() throws Exception {
    fake.on(CHAT, sse(fixture("chat-stream.sse")));

    ItemResult result = services.provider().generate(TestServices.text("Write a tagline."), Progress.NONE);

    assertEquals("Fresh coffee, slow mornings.", result.text());
    assertEquals("openai", result.provider());
    assertEquals("gpt-4o-mini", result.model());
    assertEquals(new ItemResult.Usage(24, 7, 0, 0), result.usage());
    assertTrue(result.media().isEmpty());
  }

  @Test
  void deltasReachProgressInOrderAndConcatenateToTheText() throws Exception {
    fake.on(CHAT, sse(fixture("chat-stream.sse")));
    List<String> deltas = new CopyOnWriteArrayList<>();

    ItemResult result = services.provider().generate(TestServices.text("Write a tagline."), recording(deltas));

    assertEquals(List.of("Fresh", " coffee", ",", " slow", " mornings", "."), deltas);
    assertEquals(String.join("", deltas), result.text());
  }

  @Test
  void sendsAStreamingChatRequestWithTheKeyModelAndBothPrompts() throws Exception {
    fake.on(CHAT, sse(fixture("chat-stream.sse")));

    services.provider().generate(TestServices.text("Write a tagline."), Progress.NONE);

    FakeOpenAi.Recorded sent = fake.onlyRequest();
    assertEquals("POST", sent.method());
    assertEquals(CHAT, sent.path());
    assertEquals("Bearer " + TestServices.KEY, sent.header("Authorization"));
    JsonObject body = sent.json();
    assertEquals("gpt-4o-mini", body.get("model").getAsString());
    assertTrue(body.get("stream").getAsBoolean());
    assertTrue(body.getAsJsonObject("stream_options").get("include_usage").getAsBoolean());
    JsonArray messages = body.getAsJsonArray("messages");
    assertEquals(2, messages.size());
    assertEquals("system", messages.get(0).getAsJsonObject().get("role").getAsString());
    assertEquals("You write for a coffee roaster.", messages.get(0).getAsJsonObject().get("content").getAsString());
    assertEquals("user", messages.get(1).getAsJsonObject().get("role").getAsString());
    assertEquals("Write a tagline.", messages.get(1).getAsJsonObject().get("content").getAsString());
  }

  @Test
  void sendsMaxTokensTemperatureAndTheUser() throws Exception {
    fake.on(CHAT, sse(fixture("chat-stream.sse")));

    services.provider().generate(
        TestServices.text("Write a tagline.", null, Map.of("maxTokens", "120", "temperature", "0.4")), Progress.NONE);

    JsonObject body = fake.onlyRequest().json();
    assertEquals(120, body.get("max_completion_tokens").getAsInt());
    assertEquals(0.4, body.get("temperature").getAsDouble());
    assertEquals("user-42", body.get("user").getAsString());
  }

  @Test
  void sendsNoSystemMessageWhenThereIsNoSystemPrompt() throws Exception {
    fake.on(CHAT, sse(fixture("chat-stream.sse")));

    services.provider().generate(TestServices.text("Write a tagline.", " ", Map.of()), Progress.NONE);

    JsonArray messages = fake.onlyRequest().json().getAsJsonArray("messages");
    assertEquals(1, messages.size());
    assertEquals("user", messages.get(0).getAsJsonObject().get("role").getAsString());
  }

  @Test
  void aBlankModelMeansTheFirstConfiguredTextModel() throws Exception {
    try (OpenAiServices custom = TestServices.services(fake, OpenAiSettings.TEXT_MODELS, "llama3.2, qwen2.5")) {
      fake.on(CHAT, sse(fixture("chat-stream.sse")));
      ItemRequest request = new ItemRequest("item-1", ContentKind.TEXT, " ", "Hi", null, Map.of(), null);

      ItemResult result = custom.provider().generate(request, Progress.NONE);

      assertEquals("llama3.2", fake.onlyRequest().json().get("model").getAsString());
      assertEquals("llama3.2", result.model());
      assertFalse(fake.onlyRequest().json().has("user"));
    }
  }

  @Test
  void aTemperatureOutOfRangeIsPermanentAndSendsNothing() {
    ProviderException e = assertThrows(ProviderException.class, () -> services.provider().generate(
        TestServices.text("Hi", null, Map.of("temperature", "7")), Progress.NONE));

    assertEquals(ProviderException.Kind.PERMANENT, e.kind());
    assertTrue(e.userMessage().contains("temperature"), e.userMessage());
    assertTrue(fake.requests().isEmpty());
  }

  @Test
  void aStreamCutMidwayIsTransient() {
    fake.on(CHAT, FakeOpenAi.sseCut(fixture("chat-stream.sse"), 3));
    List<String> deltas = new CopyOnWriteArrayList<>();

    ProviderException e = assertThrows(ProviderException.class,
        () -> services.provider().generate(TestServices.text("Write a tagline."), recording(deltas)));

    assertEquals(ProviderException.Kind.TRANSIENT, e.kind());
    assertEquals(List.of("Fresh", " coffee"), deltas);
    assertInstanceOf(OpenAIIoException.class, e.getCause(), "the dropped connection, not a guess from missing chunks");
  }

  @Test
  void aStreamThatEndsCleanlyBeforeItsLastChunksIsTransient() {
    List<String> events = FakeOpenAi.events(fixture("chat-stream.sse"));
    fake.on(CHAT, sse(String.join("\n\n", events.subList(0, 4))));

    ProviderException e = assertThrows(ProviderException.class,
        () -> services.provider().generate(TestServices.text("Write a tagline."), Progress.NONE));

    assertEquals(ProviderException.Kind.TRANSIENT, e.kind());
    assertTrue(e.getMessage().contains("ended before it was complete"), e.getMessage());
  }

  @Test
  void truncatedJsonInTheStreamIsTransient() {
    List<String> events = FakeOpenAi.events(fixture("chat-stream.sse"));
    String second = events.get(1);
    String truncated = events.get(0) + "\n\n" + second.substring(0, second.length() / 2) + "\n\ndata: [DONE]";
    fake.on(CHAT, sse(truncated));

    ProviderException e = assertThrows(ProviderException.class,
        () -> services.provider().generate(TestServices.text("Write a tagline."), Progress.NONE));
    assertInstanceOf(OpenAIInvalidDataException.class, e.getCause());

    assertEquals(ProviderException.Kind.TRANSIENT, e.kind());
  }

  @Test
  void anAnswerStoppedByTheContentFilterIsRefused() {
    fake.on(CHAT, sse(fixture("chat-stream-content-filter.sse")));

    ProviderException e = assertThrows(ProviderException.class,
        () -> services.provider().generate(TestServices.text("Something unwelcome."), Progress.NONE));

    assertEquals(ProviderException.Kind.REFUSED, e.kind());
    assertTrue(e.userMessage().contains("content filter"), e.userMessage());
  }

  private static Progress recording(List<String> deltas) {
    return new Progress() {
      @Override
      public void textDelta(String delta) {
        deltas.add(delta);
      }

      @Override
      public void percent(int percent) {}
    };
  }
}
