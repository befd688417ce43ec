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
    return new GenerationJob("j1", "p1", ContentKind.TEXT, "demo", "demo-text", true, GenerationJob.Status.COMPLETED,
        2, 1, 1, 0, "the job's prompt", "a system prompt", Map.of(), null, null, false, "u1", NOW, NOW,
        "b1", 0, 0, 0);
  }

  private static GenerationItem item(int index, GenerationItem.Status status, String prompt) {
    return new GenerationItem(GenerationItem.documentId("j1", index), "j1", "p1", index, status, 1, null, null,
        status == GenerationItem.Status.FAILED ? "refused" : null, false, false, 0, 0, 0, 0, 0, null, NOW, NOW, prompt);
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
