package dev.contentcreator.openai;

import static dev.contentcreator.openai.FakeOpenAi.fixture;
import static dev.contentcreator.openai.FakeOpenAi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.ai.Moderator.Verdict;
import dev.contentcreator.core.ports.ai.ProviderException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiModeratorTest {
  private static final String MODERATIONS = "/v1/moderations";

  private final FakeOpenAi fake = FakeOpenAi.start();
  private final OpenAiServices services = TestServices.services(fake);

  @AfterEach
  void stop() {
    services.close();
    fake.close();
  }

  @Test
  void aFlaggedAnswerNamesTheCategoriesThatFlaggedIt() throws Exception {
    fake.on(MODERATIONS, json(200, fixture("moderation-flagged.json")));

    Verdict verdict = services.moderator().check("something threatening");

    assertTrue(verdict.flagged());
    assertEquals(List.of("harassment", "harassment/threatening", "violence"), verdict.categories());
  }

  @Test
  void aCleanAnswerIsNotFlagged() throws Exception {
    fake.on(MODERATIONS, json(200, fixture("moderation-clean.json")));

    Verdict verdict = services.moderator().check("a cup of coffee");

    assertFalse(verdict.flagged());
    assertEquals(List.of(), verdict.categories());
  }

  @Test
  void sendsTheTextToOmniModerationLatestByDefault() throws Exception {
    fake.on(MODERATIONS, json(200, fixture("moderation-clean.json")));

    services.moderator().check("a cup of coffee");

    FakeOpenAi.Recorded sent = fake.onlyRequest();
    assertEquals("Bearer " + TestServices.KEY, sent.header("Authorization"));
    JsonObject body = sent.json();
    assertEquals("omni-moderation-latest", body.get("model").getAsString());
    assertEquals("a cup of coffee", body.get("input").getAsString());
  }

  @Test
  void itsFailuresAreClassifiedLikeTheProvidersOnes() {
    fake.on(MODERATIONS, json(429, fixture("error-rate-limit.json"), "Retry-After", "3"));

    ProviderException e = assertThrows(ProviderException.class, () -> services.moderator().check("hello"));

    assertEquals(ProviderException.Kind.RATE_LIMITED, e.kind());
    assertEquals(Duration.ofSeconds(3), e.retryAfter());
  }
}
