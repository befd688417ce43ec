package dev.contentcreator.local;

import static dev.contentcreator.local.FakeProviders.CHAT;
import static dev.contentcreator.local.FakeProviders.MODERATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.local.FakeProviders.Call;
import dev.contentcreator.local.FaultRig.Owner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moderation on (MODERATION=true) against a fake OpenAI: a prompt its moderation endpoint flags
 * fails the item with a reason that names moderation, and the prompt never reaches the model.
 */
class ModerationBlackBoxTest {
  @TempDir static Path data;
  static FaultRig rig;

  @BeforeAll
  static void start() throws Exception {
    rig = FaultRig.start(data, Map.of("MODERATION", "true"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void aPromptFlaggedByModerationFailsItsItemWithoutCallingTheModel() throws Exception {
    Owner owner = rig.newOwner("moderated");
    String marker = FaultRig.marker("flag-me");
    rig.fake.flagPromptsContaining(marker);
    String prompt = "Write a threatening letter to my neighbour " + marker;

    String jobId = rig.startJob(owner, "{\"kind\":\"text\",\"prompt\":\"" + prompt + "\"}");
    JsonObject job = rig.awaitEnd(owner, jobId, Duration.ofSeconds(60));

    assertEquals("failed", job.get("status").getAsString(), job::toString);
    String reason = FaultRig.items(job).get(0).get("failureReason").getAsString();
    assertTrue(reason.contains("moderation"), reason);
    assertTrue(reason.contains("harassment") && reason.contains("violence"), () -> "names the categories: " + reason);
    List<Call> checks = rig.fake.calls(MODERATIONS, marker);
    assertEquals(1, checks.size(), () -> rig.fake.describe(marker));
    assertEquals(prompt, checks.get(0).prompt(), "the prompt itself was checked");
    assertEquals("flagged", checks.get(0).answer());
    assertEquals(List.of(), rig.fake.calls(CHAT, marker), "the model never saw the prompt");
    assertEquals(1, FaultRig.items(job).get(0).get("attempts").getAsInt(), "a refusal is not retried");
  }
}
