package dev.contentcreator.gemini;

import static dev.contentcreator.testkit.http.FakeApiServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.ai.guard.FailsafePolicyFactory;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderPolicy;
import dev.contentcreator.testkit.http.FakeApiServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Gemini behind the product's Failsafe guard: its failures open its own circuit, no one else's. */
class GeminiGuardTest {
  private final FakeApiServer fake = FakeApiServer.start("gemini");
  private final GeminiProvider provider = GeminiProvider.of(
      GeminiSettings.fromConfig(GeminiProviderTest.config(fake, "5s")).orElseThrow());
  private final ProviderPolicy guard = new FailsafePolicyFactory().create(Config.of(Map.of(
      "GUARD_ATTEMPTS", "1", "GUARD_BREAKER_FAILURE_RATE", "0", "GUARD_BREAKER_FAILURES", "3",
      "GUARD_BREAKER_DELAY", "10m")));

  @AfterEach
  void stop() {
    provider.close();
    fake.close();
  }

  @Test
  void repeatedUnavailableAnswersOpenTheGeminiCircuitOnly() {
    fake.on(GeminiProviderTest.STREAM, json(503, fake.fixture("error-503.json")));
    for (int i = 0; i < 3; i++) {
      assertThrows(ProviderException.class, () -> guard.call(GeminiProvider.NAME,
          () -> provider.generate(GeminiProviderTest.text(Map.of()), Progress.NONE)));
    }
    assertTrue(guard.openFor("gemini").isPresent());
    assertTrue(guard.openFor("anthropic").isEmpty());
    assertTrue(guard.openFor("openai").isEmpty());
    assertThrows(ProviderException.class, () -> guard.call(GeminiProvider.NAME,
        () -> provider.generate(GeminiProviderTest.text(Map.of()), Progress.NONE)));
    assertEquals(3, fake.requests().size(), "an open circuit sends nothing");
  }
}
