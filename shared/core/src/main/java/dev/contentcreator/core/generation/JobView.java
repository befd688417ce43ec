package dev.contentcreator.core.generation;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.json.OmitNulls;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job as the API and its live stream show it ({@code Job} in docs/openapi.yaml): its fields but
 * the system prompt, which stays private, and its items' states. {@code flagged} counts the completed
 * items whose text the project's brand rules found something in. Absent fields are left out.
 */
@OmitNulls
public record JobView(String id, String projectId, ContentKind kind, String provider, String model, boolean demo,
    GenerationJob.Status status, int itemCount, int completed, int failed, int cancelled, String prompt,
    Map<String, String> options, String templateId, String contentId, boolean fresh, String requestedBy,
    Instant createdAt, Instant updatedAt, String batchId, int maxConcurrent, long budgetMicros, long costMicros,
    int flagged, List<Item> items) {

  /**
   * One item's state, and which provider and model made it once completed. A batch's items each carry their row's prompt: a failed one shows it, so
   * the client can try it again; only failed ones, so a big batch's live snapshots stay small.
   */
  public record Item(int index, GenerationItem.Status status, String contentId, String failureReason, String prompt,
      boolean cached, int attempts, String provider, String model, int findings) {

    static Item of(GenerationItem i) {
      return new Item(i.index(), i.status(), i.contentId(), i.failureReason(),
          i.status() == GenerationItem.Status.FAILED ? i.prompt() : null, i.cached(), i.attempts(), i.provider(),
          i.model(), i.findings());
    }
  }

  /**
   * The job with its items. The counts are the items' own, not the job document's: read one after
   * the other, the two may be a moment apart, and an answer must not list an item as ended that its
   * counts leave out.
   */
  public static JobView of(GenerationJob j, List<GenerationItem> items) {
    JobCounters.Counts counts = JobCounters.Counts.NONE;
    for (GenerationItem i : items) {
      if (i.status().terminal()) {
        counts = counts.plus(i.status(), i.used() == null ? 0 : i.used().costMicros()).flaggedIf(i.findings() > 0);
      }
    }
    return make(j, counts, counts.flagged(), items.stream().map(Item::of).toList());
  }

  /**
   * The job without items, with {@code counts}: to tell whether another process changed it. The
   * flagged count is left at 0 here and in {@link #withoutItems}: it changes only with the completed one.
   */
  static JobView alone(GenerationJob j, JobCounters.Counts counts) {
    return make(j, counts, 0, List.of());
  }

  private static JobView make(GenerationJob j, JobCounters.Counts c, int flagged, List<Item> items) {
    return new JobView(j.id(), j.projectId(), j.kind(), j.provider(), j.model(), j.demo(), j.status(), j.itemCount(),
        c.completed(), c.failed(), c.cancelled(), j.prompt(), j.options(), j.templateId(), j.contentId(), j.fresh(),
        j.requestedBy(), j.createdAt(), j.updatedAt(), j.batchId(), j.maxConcurrent(), j.budgetMicros(),
        c.costMicros(), flagged, items);
  }

  /** The view without its items, to compare with {@link #alone} of the job's document. */
  JobView withoutItems() {
    return new JobView(id, projectId, kind, provider, model, demo, status, itemCount, completed, failed, cancelled,
        prompt, options, templateId, contentId, fresh, requestedBy, createdAt, updatedAt, batchId, maxConcurrent,
        budgetMicros, costMicros, 0, List.of());
  }

  /** Whether the job has ended, so its stream ends too. */
  public boolean ended() {
    return status.terminal();
  }
}
