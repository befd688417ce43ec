package dev.contentcreator.core.brand;

import dev.contentcreator.core.domain.BrandVoice;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Project;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Etags;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.DocumentExistsException;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.ProjectService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A project's brand kits: listed by its members, made, changed and removed by editors and owners.
 * Exactly one is the default, and the project's {@code brandVoice} is kept equal to its voice in the
 * same transaction (changing the default kit, making another the default, or changing the
 * project's voice), so every reader of the project's voice keeps reading the default kit.
 *
 * <p>A project from before kits has its voice only: the first time its kits are read or changed, a
 * default kit ({@code <projectId>-default}, "Default") is made from that voice, once however many
 * requests race to do it, on SQLite and Firestore alike; nothing of the voice is lost, as the
 * project keeps it too.
 */
public final class BrandKitService {
  public static final String COLLECTION = "brandkits";
  /** The most kits a project keeps. */
  public static final int MAX_KITS = 20;
  public static final int MAX_NAME = 60;

  private final DocumentStore documents;
  private final ProjectService projects;
  private final Clock clock;

  public BrandKitService(DocumentStore documents, ProjectService projects, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The project's kits, the default first, then by name; any member. */
  public List<BrandKit> list(String uid, String projectId) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    migrate(projectId);
    List<BrandKit> kits = new ArrayList<>(kits(documents.query(kitsOf(projectId))));
    kits.sort(Comparator.comparing((BrandKit k) -> !k.isDefault()).thenComparing(BrandKit::name,
        String.CASE_INSENSITIVE_ORDER).thenComparing(BrandKit::id));
    return kits;
  }

  /** Makes a kit; it becomes the default when {@code makeDefault}. Editors and owners. */
  public BrandKit create(String uid, String projectId, String name, BrandVoice voice, boolean makeDefault) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    migrate(projectId);
    Instant now = clock.instant();
    BrandKit kit = new BrandKit(Ids.newId(), projectId, name, makeDefault, voice, 1, uid, now, now);
    return documents.transaction(tx -> {
      List<BrandKit> all = kits(tx.query(kitsOf(projectId)));
      Project p = tx.get(ProjectService.PROJECTS, projectId).map(ProjectService::project)
          .orElseThrow(() -> ApiException.notFound("No such project, or you are not a member of it."));
      if (all.size() >= MAX_KITS) {
        throw ApiException.conflict("A project keeps at most " + MAX_KITS + " brand kits; remove one first.");
      }
      if (makeDefault) {
        for (BrandKit k : all) {
          if (k.isDefault()) {
            tx.set(COLLECTION, k.id(), tree(k.with(k.name(), k.voice(), false, now)));
          }
        }
        mirror(tx, p, voice, now);
      }
      tx.create(COLLECTION, kit.id(), tree(kit));
      return kit;
    });
  }

  /**
   * Changes a kit's name or voice, or makes it the default (a default stays one until another is
   * made the default). {@code ifMatch} may be null. Editors and owners; 404 for another project's kit.
   */
  public BrandKit update(String uid, String projectId, String kitId, String ifMatch, Optional<String> name,
      Optional<BrandVoice> voice, boolean makeDefault) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    migrate(projectId);
    return documents.transaction(tx -> {
      BrandKit kit = kit(tx, projectId, kitId).orElseThrow(BrandKitService::notFound);
      Etags.check(ifMatch, kit.version());
      List<BrandKit> all = makeDefault && !kit.isDefault() ? kits(tx.query(kitsOf(projectId))) : List.of();
      Project p = tx.get(ProjectService.PROJECTS, projectId).map(ProjectService::project)
          .orElseThrow(BrandKitService::notFound);
      Instant now = clock.instant();
      BrandKit changed = kit.with(name.orElse(kit.name()), voice.orElse(kit.voice()), kit.isDefault() || makeDefault,
          now);
      for (BrandKit k : all) {
        if (k.isDefault() && !k.id().equals(kit.id())) {
          tx.set(COLLECTION, k.id(), tree(k.with(k.name(), k.voice(), false, now)));
        }
      }
      if (changed.isDefault()) {
        mirror(tx, p, changed.voice(), now);
      }
      tx.set(COLLECTION, kit.id(), tree(changed));
      return changed;
    });
  }

  /** Removes a kit that is not the default (409 for the default). Editors and owners. */
  public void delete(String uid, String projectId, String kitId, String ifMatch) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    migrate(projectId);
    documents.transaction(tx -> {
      BrandKit kit = kit(tx, projectId, kitId).orElseThrow(BrandKitService::notFound);
      Etags.check(ifMatch, kit.version());
      if (kit.isDefault()) {
        throw ApiException.conflict("The default brand kit cannot be removed; make another the default first.");
      }
      tx.delete(COLLECTION, kit.id());
      return null;
    });
  }

  /** A kit of the project, read in {@code tx}; empty for a malformed id, another project's kit or none. */
  public static Optional<BrandKit> kit(Transaction tx, String projectId, String kitId) {
    if (!Ids.isWellFormed(kitId)) {
      return Optional.empty();
    }
    return tx.get(COLLECTION, kitId).map(d -> Json.fromTree(d.data(), BrandKit.class))
        .filter(k -> k.projectId().equals(projectId));
  }

  /** As {@link #kit(Transaction, String, String)}, read outside a transaction. */
  public static Optional<BrandKit> kit(DocumentStore documents, String projectId, String kitId) {
    if (!Ids.isWellFormed(kitId)) {
      return Optional.empty();
    }
    return documents.get(COLLECTION, kitId).map(d -> Json.fromTree(d.data(), BrandKit.class))
        .filter(k -> k.projectId().equals(projectId));
  }

  /**
   * The project's default kit, read in {@code tx} (before its writes): for a change of the
   * project's voice to reach it too (see {@link #mirrored}). Empty for a project whose kits were
   * never read (its voice becomes the default kit when they are).
   */
  public static Optional<BrandKit> defaultKit(Transaction tx, String projectId) {
    return kits(tx.query(Query.on(COLLECTION).whereEqualTo("projectId", projectId).whereEqualTo("isDefault", true)
        .limit(1).build())).stream().findFirst();
  }

  /** The default kit with the project's new voice (null: none), to write in that same transaction. */
  public static void mirrored(Transaction tx, BrandKit defaultKit, BrandVoice voice, Instant now) {
    tx.set(COLLECTION, defaultKit.id(), tree(defaultKit.with(defaultKit.name(), voice, true, now)));
  }

  /** Makes the default kit from the project's voice, once, for a project from before kits. */
  void migrate(String projectId) {
    if (!documents.query(Query.on(COLLECTION).whereEqualTo("projectId", projectId).limit(1).build()).items()
        .isEmpty()) {
      return;
    }
    try {
      documents.transaction(tx -> {
        String id = projectId + "-default";
        if (tx.get(COLLECTION, id).isPresent()) {
          return null;
        }
        Project p = tx.get(ProjectService.PROJECTS, projectId).map(ProjectService::project).orElse(null);
        if (p == null) {
          return null;
        }
        Instant now = clock.instant();
        tx.create(COLLECTION, id, tree(new BrandKit(id, projectId, "Default", true, p.brandVoice(), 1,
            p.createdBy(), now, now)));
        return null;
      });
    } catch (DocumentExistsException e) {
      // Another request made it first: the same kit.
    }
  }

  private void mirror(Transaction tx, Project p, BrandVoice voice, Instant now) {
    tx.set(ProjectService.PROJECTS, p.id(), Json.toTree(ProjectService.withVoice(p, voice, now)).getAsJsonObject());
  }

  private static Query kitsOf(String projectId) {
    return Query.on(COLLECTION).whereEqualTo("projectId", projectId).limit(MAX_KITS + 1).build();
  }

  private static List<BrandKit> kits(dev.contentcreator.core.ports.Page page) {
    return page.items().stream().map(d -> Json.fromTree(d.data(), BrandKit.class)).toList();
  }

  private static com.google.gson.JsonObject tree(BrandKit k) {
    return Json.toTree(k).getAsJsonObject();
  }

  private static ApiException notFound() {
    return ApiException.notFound("No such brand kit in this project.");
  }
}
