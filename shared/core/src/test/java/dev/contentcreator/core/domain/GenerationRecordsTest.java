package dev.contentcreator.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerationRecordsTest {
  private static final Instant T0 = Instant.parse("2026-11-26T04:00:00Z");
  private static final Instant T1 = T0.plusSeconds(30);

  private static GenerationJob.Builder job(int items) {
    return GenerationJob.builder().id("j1").project("p1", "u1").maker(ContentKind.TEXT, "openai", "gpt-4o-mini", false)
        .itemCount(items).request("a prompt", "a voice", Map.of("temperature", "0.5")).times(T0, T0);
  }

  private static GenerationItem item() {
    return GenerationItem.queued("j1", "p1", 3, null, new Reservation("2026-11", 50, 0, 0), T0);
  }

  private static List<String> names(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
  }

  @Test
  void aNewJobIsQueuedWithNothingEndedOrSpent() {
    GenerationJob j = job(2).build();
    assertEquals(GenerationJob.Status.QUEUED, j.status());
    assertEquals(0, j.ended());
    assertEquals(0, j.costMicros());
    assertEquals(j, j.toBuilder().build(), "a builder from a job builds the same job");
  }

  @Test
  void aJobNeedsItsIdsAndNoNegativeCount() {
    assertThrows(IllegalArgumentException.class, () -> job(1).id(null).build());
    assertThrows(IllegalArgumentException.class, () -> job(1).project(" ", "u1").build());
    assertThrows(IllegalArgumentException.class, () -> job(1).project("p1", null).build());
    assertThrows(IllegalArgumentException.class, () -> job(1).maker(null, "openai", "m", false).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> job(1).counts(0, -1, 0).build());
    assertTrue(e.getMessage().startsWith("failed"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> job(1).batch("b1", 0, -5).build());
    assertThrows(IllegalArgumentException.class, () -> job(-1).build());
  }

  @Test
  void aJobSettlesOnceAllItsItemsEnded() {
    GenerationJob j = job(3).build().started(T1);
    assertEquals(GenerationJob.Status.RUNNING, j.status());
    assertEquals(T1, j.updatedAt());
    GenerationJob done = j.settled(1, 1, 1, 300, T1);
    assertEquals(GenerationJob.Status.COMPLETED, done.status());
    assertEquals(List.of(1, 1, 1), List.of(done.completed(), done.failed(), done.cancelled()));
    assertEquals(300, done.costMicros());
    assertEquals(GenerationJob.Status.FAILED, j.settled(0, 2, 1, 0, T1).status(), "nothing was made");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> j.settled(1, 1, 0, 0, T1));
    assertTrue(e.getMessage().contains("all 3 items"), e.getMessage());
  }

  @Test
  void aCancelledJobStaysCancelledWhenItSettles() {
    GenerationJob j = job(2).build().cancelled(T1).settled(1, 0, 1, 0, T1);
    assertEquals(GenerationJob.Status.CANCELLED, j.status());
    assertEquals(2, j.ended());
  }

  @Test
  void anItemNeedsItsJobAndProjectAndNoNegativeUse() {
    assertThrows(IllegalArgumentException.class, () -> GenerationItem.queued(null, "p1", 0, null, null, T0));
    assertThrows(IllegalArgumentException.class, () -> GenerationItem.queued("j1", "", 0, null, null, T0));
    assertThrows(IllegalArgumentException.class, () -> GenerationItem.queued("j1", "p1", -1, null, null, T0));
    assertThrows(IllegalArgumentException.class, () -> GenerationItem.queued("j1", "p1", 0, null, null, null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> item()
        .completed("c1", false, new GenerationItem.Used(0, 0, 0, -1.5, 0), T1));
    assertTrue(e.getMessage().startsWith("videoSeconds"), e.getMessage());
  }

  @Test
  void aNewItemIsQueuedUnderItsJobAndIndex() {
    GenerationItem i = item();
    assertEquals("j1_3", i.id());
    assertEquals(GenerationItem.Status.QUEUED, i.status());
    assertEquals(0, i.attempts());
    assertEquals(GenerationItem.Used.NONE, i.used());
    assertEquals(T0, i.createdAt());
  }

  @Test
  void anItemGoesThroughItsLifeByNamedSteps() {
    GenerationItem running = item().claimed("owner", 2, T1.plusSeconds(60), T1);
    assertEquals(GenerationItem.Status.RUNNING, running.status());
    assertEquals(2, running.attempts());
    assertEquals("owner", running.leaseOwner());
    assertEquals(2, running.claimed("other", 1, T1, T1).attempts(), "attempts never go back");
    assertNull(running.leased(null, T1).leaseUntil(), "letting go clears both");

    GenerationItem waiting = running.waiting("task-1", T1.plusSeconds(600), T1);
    assertEquals(GenerationItem.Status.WAITING, waiting.status());
    assertEquals("task-1", waiting.providerTaskId());
    assertNull(waiting.leaseOwner());

    GenerationItem.Used used = new GenerationItem.Used(10, 20, 0, 0, 99);
    GenerationItem done = waiting.completed("c1", false, used, T1);
    assertEquals(GenerationItem.Status.COMPLETED, done.status());
    assertEquals(used, done.used());
    assertTrue(done.charged());
    assertEquals("task-1", done.providerTaskId());
    assertEquals(new Reservation("2026-11", 50, 0, 0), done.reserved());
  }

  @Test
  void anItemEndsExactlyOnce() {
    GenerationItem failed = item().claimed("owner", 1, T1, T0).failed("refused", T1);
    assertEquals("refused", failed.failureReason());
    assertEquals(GenerationItem.Used.NONE, failed.used());
    assertNull(failed.leaseOwner());
    assertFalse(failed.charged());
    GenerationItem cancelled = item().cancelled("Cancelled.", T1);
    for (GenerationItem ended : List.of(failed, cancelled)) {
      assertThrows(IllegalStateException.class, () -> ended.failed("again", T1));
      assertThrows(IllegalStateException.class, () -> ended.cancelled("again", T1));
      assertThrows(IllegalStateException.class, () -> ended.completed("c", false, GenerationItem.Used.NONE, T1));
      assertThrows(IllegalStateException.class, () -> ended.claimed("o", 1, T1, T1));
      assertThrows(IllegalStateException.class, () -> ended.leased("o", T1));
    }
  }

  @Test
  void theStoredDocumentsKeepTheirFieldsAndStillRead() {
    GenerationJob j = job(1).batch("b1", 2, 1_000_000).build();
    assertEquals(names(GenerationJob.class), new ArrayList<>(Json.toApiTree(j).getAsJsonObject().keySet()));
    assertEquals(j, Json.fromTree(Json.toTree(j), GenerationJob.class));

    GenerationItem i = item().claimed("owner", 1, T1, T0);
    JsonObject stored = Json.toApiTree(i).getAsJsonObject();
    assertEquals(names(GenerationItem.class), new ArrayList<>(stored.keySet()), "nothing added, such as used()");
    assertEquals(i, Json.fromTree(Json.toTree(i), GenerationItem.class));
  }

  @Test
  void anItemStoredBeforeReservationsAndLeasesStillReadsAndEnds() {
    JsonObject old = Json.toTree(item()).getAsJsonObject();
    old.remove("reserved");
    GenerationItem read = Json.fromTree(old, GenerationItem.class);
    assertNull(read.reserved());
    assertEquals(GenerationItem.Status.FAILED, read.failed("no", T1).status());
  }
}
