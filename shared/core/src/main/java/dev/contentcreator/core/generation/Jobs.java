package dev.contentcreator.core.generation;

import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import dev.contentcreator.core.ports.Query;
import java.util.List;
import java.util.Optional;

/** Reading and writing jobs and items as documents ({@code jobs/<id>}, {@code items/<jobId>_<index>}). */
public final class Jobs {
  public static final String JOBS = "jobs";
  public static final String ITEMS = "items";

  private Jobs() {}

  public static GenerationJob job(Document d) {
    return Json.fromTree(d.data(), GenerationJob.class);
  }

  public static GenerationItem item(Document d) {
    return Json.fromTree(d.data(), GenerationItem.class);
  }

  public static Optional<GenerationJob> job(Transaction tx, String jobId) {
    return tx.get(JOBS, jobId).map(Jobs::job);
  }

  public static Optional<GenerationItem> item(Transaction tx, String itemId) {
    return tx.get(ITEMS, itemId).map(Jobs::item);
  }

  /** Writes the job: only {@link JobLedger} does, in its transactions. */
  static void put(Transaction tx, GenerationJob job) {
    tx.set(JOBS, job.id(), Json.toTree(job).getAsJsonObject());
  }

  /** Writes the item: only {@link JobLedger} does, in its transactions. */
  static void put(Transaction tx, GenerationItem item) {
    tx.set(ITEMS, item.id(), Json.toTree(item).getAsJsonObject());
  }

  public static List<GenerationItem> items(DocumentStore documents, String jobId) {
    return documents.query(itemsOf(jobId)).items().stream().map(Jobs::item).toList();
  }

  private static Query itemsOf(String jobId) {
    return Query.on(ITEMS).whereEqualTo("jobId", jobId).orderBy("index", Query.Direction.ASCENDING)
        .limit(Query.MAX_LIMIT).build();
  }

  /** The prompt of an item: its own (a batch row's) or its job's. */
  static String promptOf(GenerationJob job, GenerationItem item) {
    return item.prompt() != null ? item.prompt() : job.prompt();
  }
}
