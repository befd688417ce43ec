package dev.contentcreator.core.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobViewTest {
  private static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");

  private static GenerationJob job() {
    return GenerationJob.builder().id("j1").project("p1", "u1").maker(ContentKind.TEXT, "demo", "demo-text", true)
        .status(GenerationJob.Status.COMPLETED).itemCount(2).counts(1, 1, 0)
        .request("the job's prompt", "a system prompt", Map.of()).times(NOW, NOW).batch("b1", 0, 0).build();
  }

  private static GenerationItem item(int index, GenerationItem.Status status, String prompt) {
    GenerationItem tried = GenerationItem.queued("j1", "p1", index, prompt, null, NOW).claimed("owner", 1, NOW, NOW);
    return status == GenerationItem.Status.FAILED ? tried.failed("refused", NOW)
        : tried.completed("c" + index, false, GenerationItem.Used.NONE, NOW);
  }

  private static JsonObject view(GenerationJob job, List<GenerationItem> items) {
    return Json.toApiTree(JobView.of(job, items)).getAsJsonObject();
  }

  @Test
  void aFailedItemWithItsOwnPromptShowsIt() {
    JsonObject view = view(job(), List.of(item(0, GenerationItem.Status.FAILED, "row two's prompt")));
    JsonObject shown = view.getAsJsonArray("items").get(0).getAsJsonObject();
    assertEquals("row two's prompt", shown.get("prompt").getAsString());
    assertEquals("refused", shown.get("failureReason").getAsString());
  }

  @Test
  void aFinishedItemKeepsItsPromptToItself() {
    JsonObject view = view(job(), List.of(item(0, GenerationItem.Status.COMPLETED, "row one's prompt")));
    assertFalse(view.getAsJsonArray("items").get(0).getAsJsonObject().has("prompt"));
  }

  @Test
  void anItemOfTheJobsPromptShowsNoneOfItsOwn() {
    JsonObject view = view(job(), List.of(item(0, GenerationItem.Status.FAILED, null)));
    assertFalse(view.getAsJsonArray("items").get(0).getAsJsonObject().has("prompt"));
    assertEquals("the job's prompt", view.get("prompt").getAsString());
  }

  @Test
  void theSystemPromptStaysPrivate() {
    assertFalse(view(job(), List.of()).has("systemPrompt"));
  }
}
