package dev.contentcreator.core.generation;

import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.ports.Added;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A running job's counts, spread over a few documents so that items ending at once do not all
 * write one: {@code jobcounters/<jobId>-<k>} for k below {@link #shards}, the item of index i
 * counted in shard i mod that. The job's own document is written when an item starts it, when it
 * is cancelled, and once more when its last item ends (then it keeps the final counts); Firestore
 * advises about one sustained write a second per document, and thirty-two items finishing on one
 * job document queued behind each other's locks.
 */
public final class JobCounters {
  public static final String COLLECTION = "jobcounters";
  /** The most shards a job gets; a job of fewer items gets one per item. */
  static final int MAX_SHARDS = 32;

  private JobCounters() {}

  /**
   * Completed, failed and cancelled items, what they cost in millionths of a dollar, and how many
   * completed ones the brand rules flagged (kept in the shards only: a settled job's document does
   * not carry it, see {@link #flagged}).
   */
  public record Counts(int completed, int failed, int cancelled, long costMicros, int flagged) {
    public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

    public Counts(int completed, int failed, int cancelled, long costMicros) {
      this(completed, failed, cancelled, costMicros, 0);
    }

    /** How many items have ended. */
    public int ended() {
      return completed + failed + cancelled;
    }

    Counts plus(GenerationItem.Status how, long cost) {
      return new Counts(completed + (how == GenerationItem.Status.COMPLETED ? 1 : 0),
          failed + (how == GenerationItem.Status.FAILED ? 1 : 0),
          cancelled + (how == GenerationItem.Status.CANCELLED ? 1 : 0), costMicros + cost, flagged);
    }

    Counts flaggedIf(boolean flag) {
      return flag ? new Counts(completed, failed, cancelled, costMicros, flagged + 1) : this;
    }

    Counts plus(Counts o) {
      return new Counts(completed + o.completed, failed + o.failed, cancelled + o.cancelled, costMicros + o.costMicros,
          flagged + o.flagged);
    }
  }

  static int shards(GenerationJob job) {
    return Math.max(1, Math.min(job.itemCount(), MAX_SHARDS));
  }

  static String id(String jobId, int shard) {
    return jobId + "-" + shard;
  }

  /** How many of the job's items the item's shard counts: those whose index leaves its remainder. */
  static int itemsOfShard(GenerationJob job, GenerationItem item) {
    int shards = shards(job);
    int k = item.index() % shards;
    return (job.itemCount() - k + shards - 1) / shards;
  }

  /** The shard that counts the item. */
  static String shardOf(GenerationJob job, GenerationItem item) {
    return id(job.id(), item.index() % shards(job));
  }

  /**
   * Counts the item in its shard, {@code cost} included, in the transaction that ends it: an
   * increment, which reads nothing, so items ending in one shard at once do not wait for each other.
   * Answers the increment, which tells the shard's counts once the transaction has committed.
   */
  static Added write(Transaction tx, GenerationJob job, GenerationItem ended, long cost) {
    JsonObject fields = new JsonObject();
    fields.addProperty("jobId", job.id());
    fields.addProperty("projectId", job.projectId());
    JsonObject deltas = new JsonObject();
    deltas.addProperty("completed", ended.status() == GenerationItem.Status.COMPLETED ? 1 : 0);
    deltas.addProperty("failed", ended.status() == GenerationItem.Status.FAILED ? 1 : 0);
    deltas.addProperty("cancelled", ended.status() == GenerationItem.Status.CANCELLED ? 1 : 0);
    deltas.addProperty("costMicros", cost);
    deltas.addProperty("flagged", ended.findings() > 0 ? 1 : 0);
    return tx.increment(COLLECTION, shardOf(job, ended), fields, deltas);
  }

  /** The sum of a job's shards, read outside a transaction in one batched read. */
  static Counts sum(DocumentStore documents, GenerationJob job) {
    return sum(documents.getAll(COLLECTION, ids(job)));
  }

  private static List<String> ids(GenerationJob job) {
    List<String> ids = new ArrayList<>(shards(job));
    for (int k = 0; k < shards(job); k++) {
      ids.add(id(job.id(), k));
    }
    return ids;
  }

  private static Counts sum(List<Optional<Document>> shards) {
    Counts total = Counts.NONE;
    for (Optional<Document> shard : shards) {
      total = total.plus(shard.map(JobCounters::counts).orElse(Counts.NONE));
    }
    return total;
  }

  /**
   * A job's counts as they stand: its document's once it has ended (they are final there), else
   * the sum of its shards.
   */
  public static Counts current(DocumentStore documents, GenerationJob job) {
    return job.status().terminal() && job.ended() == job.itemCount()
        ? new Counts(job.completed(), job.failed(), job.cancelled(), job.costMicros())
        : sum(documents, job);
  }

  /** How many of a job's completed items the brand rules flagged: the sum of its shards. */
  public static int flagged(DocumentStore documents, GenerationJob job) {
    return sum(documents, job).flagged();
  }

  private static Counts counts(Document d) {
    return counts(d.data());
  }

  /** The counts of a shard's fields (a shard's document, or what an increment left in it). */
  static Counts counts(JsonObject o) {
    return new Counts(o.get("completed").getAsInt(), o.get("failed").getAsInt(), o.get("cancelled").getAsInt(),
        o.get("costMicros").getAsLong(), o.has("flagged") ? o.get("flagged").getAsInt() : 0);
  }
}
