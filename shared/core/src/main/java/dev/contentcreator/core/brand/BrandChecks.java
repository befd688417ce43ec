package dev.contentcreator.core.brand;

import dev.contentcreator.core.domain.Project;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import dev.contentcreator.core.projects.ProjectService;
import java.util.List;

/**
 * The brand rules of a project, read where a text is made: one read of the project, then the pure
 * {@link BrandRules#check}. A project that is gone or has no voice has no rules.
 */
public final class BrandChecks {
  private BrandChecks() {}

  /** The rules of the project, read in {@code tx} (before its first write). */
  public static BrandRules rules(Transaction tx, String projectId) {
    return BrandRules.of(tx.get(ProjectService.PROJECTS, projectId).map(ProjectService::project)
        .map(Project::brandVoice).orElse(null));
  }

  /**
   * The rules of the kit a job wrote in ({@code kitId}; null, or a kit removed since: the project's
   * default), read in {@code tx} (before its first write).
   */
  public static BrandRules rules(Transaction tx, String projectId, String kitId) {
    if (kitId != null) {
      java.util.Optional<BrandKit> kit = BrandKitService.kit(tx, projectId, kitId);
      if (kit.isPresent()) {
        return BrandRules.of(kit.get().voice());
      }
    }
    return rules(tx, projectId);
  }

  /**
   * The document {@link #rules(Transaction, String, String)} reads: the kit's when one is named,
   * else the project's. A transaction that reads it with others in one batch
   * ({@code Transaction.getAll}) then finds the rules without another round trip.
   */
  public static DocumentStore.Key rulesKey(String projectId, String kitId) {
    return kitId != null && dev.contentcreator.core.domain.Ids.isWellFormed(kitId)
        ? new DocumentStore.Key(BrandKitService.COLLECTION, kitId)
        : new DocumentStore.Key(ProjectService.PROJECTS, projectId);
  }

  /** The rules of the project, read outside a transaction. */
  public static BrandRules rules(DocumentStore documents, String projectId) {
    return BrandRules.of(documents.get(ProjectService.PROJECTS, projectId).map(ProjectService::project)
        .map(Project::brandVoice).orElse(null));
  }

  /** What the rules find in a text; nothing for media (a null text). */
  public static List<Finding> check(BrandRules rules, String text) {
    return text == null || rules.isEmpty() ? List.of() : rules.check(text);
  }
}
