package dev.contentcreator.openai;

import static dev.contentcreator.openai.FakeOpenAi.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.ai.ProviderException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiEmbedderTest {
  private static final String EMBEDDINGS = "/v1/embeddings";
  private final FakeOpenAi fake = FakeOpenAi.start();
  private final OpenAiServices services = TestServices.services(fake);

  @AfterEach
  void stop() {
    services.close();
    fake.close();
  }

  private static String answer(String... vectors) {
    StringBuilder data = new StringBuilder();
    // Given out of order: the embedder puts them back by index.
    for (int i = vectors.length - 1; i >= 0; i--) {
      data.append(data.length() == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i)
          .append(",\"embedding\":").append(vectors[i]).append('}');
    }
    return "{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"text-embedding-3-small\","
        + "\"usage\":{\"prompt_tokens\":4,\"total_tokens\":4}}";
  }

  @Test
  void asksForTheModelAndDimensionAndReturnsTheVectorsInOrder() throws Exception {
    fake.on(EMBEDDINGS, json(200, answer("[0.1,0.2,0.3]", "[0.4,0.5,0.6]")));
    OpenAiEmbedder embedder = services.embedder("text-embedding-3-small", 3);

    List<float[]> vectors = embedder.embed(List.of("first", "second"));

    assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, vectors.get(0));
    assertArrayEquals(new float[] {0.4f, 0.5f, 0.6f}, vectors.get(1));
    JsonObject sent = fake.onlyRequest().json();
    assertEquals("text-embedding-3-small", sent.get("model").getAsString());
    assertEquals(3, sent.get("dimensions").getAsInt());
    assertEquals(2, sent.getAsJsonArray("input").size());
    assertEquals("openai/text-embedding-3-small@3", embedder.model());
    assertEquals("openai", embedder.guardName());
  }

  @Test
  void aVectorOfAnotherDimensionIsRefused() {
    fake.on(EMBEDDINGS, json(200, answer("[0.1,0.2]")));
    IOException e = assertThrows(IOException.class, () -> services.embedder("text-embedding-3-small", 3).embed(List.of("x")));
    assertInstanceOf(ProviderException.class, e.getCause());
  }

  @Test
  void aRefusalIsClassifiedForTheGuard() {
    fake.on(EMBEDDINGS, json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}",
        "Retry-After", "2"));
    IOException e = assertThrows(IOException.class, () -> services.embedder("text-embedding-3-small", 3).embed(List.of("x")));
    ProviderException p = assertInstanceOf(ProviderException.class, e.getCause());
    assertEquals(true, p.retryable());
  }
}
