package dev.contentcreator.anthropic;

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

/** Anthropic behind the product's Failsafe guard: overloads open its own circuit, no one else's. */
class AnthropicGuardTest {
  private final FakeApiServer fake = FakeApiServer.start("anthropic");
  private final AnthropicProvider provider = AnthropicProvider.of(
      AnthropicSettings.fromConfig(AnthropicTextTest.config(fake, "5s")).orElseThrow());
  private final ProviderPolicy guard = new FailsafePolicyFactory().create(Config.of(Map.of(
      "GUARD_ATTEMPTS", "1", "GUARD_BREAKER_FAILURE_RATE", "0", "GUARD_BREAKER_FAILURES", "3",
      "GUARD_BREAKER_DELAY", "10m")));

  @AfterEach
  void stop() {
    provider.close();
    fake.close();
  }

  @Test
  void repeatedOverloadsOpenTheAnthropicCircuitOnly() {
    fake.on(AnthropicTextTest.PATH, json(529, fake.fixture("error-overloaded.json")));
    for (int i = 0; i < 3; i++) {
      assertThrows(ProviderException.class, () -> guard.call(AnthropicProvider.NAME,
          () -> provider.generate(AnthropicTextTest.text(Map.of()), Progress.NONE)));
    }
    assertTrue(guard.openFor("anthropic").isPresent());
    assertTrue(guard.openFor("openai").isEmpty());
    assertTrue(guard.openFor("gemini").isEmpty());
    ProviderException refused = assertThrows(ProviderException.class, () -> guard.call(AnthropicProvider.NAME,
        () -> provider.generate(AnthropicTextTest.text(Map.of()), Progress.NONE)));
    assertEquals(ProviderException.Kind.RATE_LIMITED, refused.kind());
    assertEquals(3, fake.requests().size(), "an open circuit sends nothing");
  }

  @Test
  void badRequestsNeverOpenTheCircuit() {
    fake.on(AnthropicTextTest.PATH, json(400, fake.fixture("error-invalid.json")));
    for (int i = 0; i < 5; i++) {
      assertThrows(ProviderException.class, () -> guard.call(AnthropicProvider.NAME,
          () -> provider.generate(AnthropicTextTest.text(Map.of()), Progress.NONE)));
    }
    assertTrue(guard.openFor("anthropic").isEmpty());
    assertEquals(5, fake.requests().size());
  }
}
