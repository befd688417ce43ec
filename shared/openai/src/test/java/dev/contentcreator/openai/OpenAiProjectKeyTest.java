package dev.contentcreator.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.ProviderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A project's own OpenAI key: sent instead of the server's, on a client of its own, never echoed. */
class OpenAiProjectKeyTest {
  private final FakeOpenAi fake = FakeOpenAi.start();
  private final OpenAiServices services = TestServices.services(fake);

  @AfterEach
  void stop() {
    services.close();
    fake.close();
  }

  @Test
  void aProjectsKeyIsSentInsteadOfTheServersAndABlankOneMeansTheServers() throws Exception {
    fake.on("/v1/chat/completions", FakeOpenAi.sse(FakeOpenAi.fixture("chat-stream.sse")));
    services.provider().generate(TestServices.text("Hi"), Progress.NONE, "sk-proj-Own-7Qb2x");
    services.provider().generate(TestServices.text("Hi"), Progress.NONE, " ");
    assertEquals("Bearer sk-proj-Own-7Qb2x", fake.requests().get(0).header("Authorization"));
    assertEquals("Bearer " + TestServices.KEY, fake.requests().get(1).header("Authorization"));
    assertTrue(services.provider().takesProjectKeys());
  }

  @Test
  void aRefusedProjectKeyIsNeverEchoed() {
    fake.on("/v1/chat/completions", FakeOpenAi.json(401,
        "{\"error\":{\"message\":\"Incorrect API key provided: Own-Key-Zz81q\",\"type\":\"invalid_request_error\","
            + "\"param\":null,\"code\":\"invalid_api_key\"}}"));
    ProviderException e = assertThrows(ProviderException.class,
        () -> services.provider().generate(TestServices.text("Hi"), Progress.NONE, "Own-Key-Zz81q"));
    assertEquals(ProviderException.Kind.PERMANENT, e.kind());
    assertFalse(e.getMessage().contains("Own-Key-Zz81q"), e.getMessage());
    assertFalse(e.userMessage().contains("Own-Key-Zz81q"), e.userMessage());
  }
}
