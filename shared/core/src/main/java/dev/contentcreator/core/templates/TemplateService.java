package dev.contentcreator.core.templates;

import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.domain.Template;
import dev.contentcreator.core.domain.Template.Variable;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.FieldError;
import dev.contentcreator.core.http.KeyScope;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.ProjectService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Prompt templates in three scopes: the global ones that ship with the product (read-only, may be
 * duplicated), a person's personal library (theirs alone, usable in every project of theirs) and a
 * project's own (viewers read, editors and owners write). Every save makes a numbered version in
 * {@value #VERSIONS}; an edit names the version it was based on and a stale one is a 409. Deleting
 * keeps the template as a tombstone so that a batch made from it keeps running; it is gone from
 * every list and route. The placeholder syntax is in {@link TemplateBody}, the rules of variables in
 * {@link TemplateRules}.
 *
 * <p>Where a call names a project ({@code projectId} present) the caller must be a member of it, and
 * sees the global templates, their own library and that project's; without one, the global
 * templates and their library. Anything else is the same 404 as a missing template.
 */
public final class TemplateService {
  public static final String COLLECTION = "templates";
  public static final String VERSIONS = "templateversions";
  /** See {@link TemplateRules}. */
  public static final int MAX_PLACEHOLDERS = TemplateRules.MAX_PLACEHOLDERS;
  public static final int MAX_VARIABLE_LENGTH = TemplateRules.MAX_VARIABLE_LENGTH;
  public static final int MAX_NUMBER_LENGTH = TemplateRules.MAX_NUMBER_LENGTH;
  public static final int MAX_CHOICES = TemplateRules.MAX_CHOICES;
  public static final int MAX_CHOICE_LENGTH = TemplateRules.MAX_CHOICE_LENGTH;
  /** Templates one library or project may hold (each list is one page of the store). */
  public static final int MAX_PER_SCOPE = 200;
  private static final Instant SHIPPED = Instant.parse("2026-11-26T00:00:00Z");

  /** The templates every project has. */
  public static final List<Template> GLOBAL = List.of(
      new Template("global-product-description", null, "Product description", ContentKind.TEXT,
          "Write a product description of {{product}} for {{audience}}. Mention: {{features}}. "
              + "Length: about {{words}} words.",
          List.of(new Variable("product", "text", true, null, null, 200, "Product", null, null),
              new Variable("audience", "text", false, null, "online shoppers", 200, "Audience", null, null),
              new Variable("features", "longText", false, null, "its main benefits", 1000, "Features", null, null),
              new Variable("words", "number", false, null, "120", null, "Words", 20.0, 2000.0)),
          null, SHIPPED, SHIPPED, 1),
      new Template("global-social-post", null, "Social post", ContentKind.TEXT,
          "Write a {{network}} post about {{topic}}. End with a call to action.",
          List.of(new Variable("network", "choice", true, List.of("LinkedIn", "Instagram", "X", "Facebook"), "LinkedIn",
                  null, "Network", null, null),
              new Variable("topic", "text", true, null, null, 500, "Topic", null, null)),
          null, SHIPPED, SHIPPED, 1),
      new Template("global-blog-outline", null, "Blog post outline", ContentKind.TEXT,
          "Outline a blog post titled \"{{title}}\" with {{sections}} sections, each with two key points.",
          List.of(new Variable("title", "text", true, null, null, 200, "Title", null, null),
              new Variable("sections", "number", false, null, "5", null, "Sections", 1.0, 20.0)),
          null, SHIPPED, SHIPPED, 1),
      new Template("global-hero-image", null, "Hero image", ContentKind.IMAGE,
          "A {{style}} hero image of {{subject}}, soft light, plenty of empty space for a headline",
          List.of(new Variable("subject", "text", true, null, null, 300, "Subject", null, null),
              new Variable("style", "choice", false, List.of("photographic", "illustrated", "3D render", "watercolour"),
                  "photographic", null, "Style", null, null)),
          null, SHIPPED, SHIPPED, 1));

  private final DocumentStore documents;
  private final ProjectService projects;
  private final Clock clock;

  public TemplateService(DocumentStore documents, ProjectService projects, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What a save gives: a template's name, kind, body and variables. */
  public record Draft(String name, ContentKind kind, String body, List<Variable> variables) {
    public Draft {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(body, "body");
      variables = variables == null ? List.of() : List.copyOf(variables);
    }

    static Draft of(Template t) {
      return new Draft(t.name(), t.kind(), t.body(), t.variables());
    }
  }

  // ---- reading ----

  /** The global templates, the caller's library and, given a project the caller may read, that project's. */
  public List<TemplateView> list(String uid, Optional<String> projectId) {
    projectId.ifPresent(p -> projects.requireRole(uid, p, Role.VIEWER));
    List<Template> out = new ArrayList<>(GLOBAL);
    out.addAll(library(uid));
    projectId.ifPresent(p -> out.addAll(ofProject(p)));
    return out.stream().map(TemplateView::of).toList();
  }

  private List<Template> library(String uid) {
    return live(documents.query(Query.on(COLLECTION).whereEqualTo("ownerUid", uid)
        .orderBy("createdAt", Query.Direction.ASCENDING).limit(Query.MAX_LIMIT).build()));
  }

  private List<Template> ofProject(String projectId) {
    return live(documents.query(Query.on(COLLECTION).whereEqualTo("projectId", projectId)
        .orderBy("createdAt", Query.Direction.ASCENDING).limit(Query.MAX_LIMIT).build()));
  }

  private static List<Template> live(dev.contentcreator.core.ports.Page page) {
    return page.items().stream().map(d -> template(d.data())).filter(t -> t.deletedAt() == null).toList();
  }

  /** How many live templates the project (when given) or else the person's library holds, read in {@code tx}. */
  private static long held(DocumentStore.Transaction tx, String projectId, String ownerUid) {
    return live(projectId != null
        ? tx.query(Query.on(COLLECTION).whereEqualTo("projectId", projectId)
            .orderBy("createdAt", Query.Direction.ASCENDING).limit(Query.MAX_LIMIT).build())
        : tx.query(Query.on(COLLECTION).whereEqualTo("ownerUid", ownerUid)
            .orderBy("createdAt", Query.Direction.ASCENDING).limit(Query.MAX_LIMIT).build())).size();
  }

  /**
   * A template the caller may use in this project, for generations and batches: a global one, the
   * caller's own, or one of the project's; a deleted one too, so that a batch made from it keeps
   * running (new uses ask {@link #getLive}). 422 naming {@code templateId} otherwise.
   */
  public Template get(String uid, String projectId, String templateId) {
    for (Template t : GLOBAL) {
      if (t.id().equals(templateId)) {
        return t;
      }
    }
    projects.requireRole(uid, projectId, Role.VIEWER);
    return stored(templateId).filter(t -> projectId.equals(t.projectId()) || uid.equals(t.ownerUid()))
        .orElseThrow(() -> ApiException.unprocessable("templateId", "no such template in this project"));
  }

  /** As {@link #get}, refusing a deleted template: for a new generation or batch. */
  public Template getLive(String uid, String projectId, String templateId) {
    Template t = get(uid, projectId, templateId);
    if (t.deletedAt() != null) {
      throw ApiException.unprocessable("templateId", "no such template in this project");
    }
    return t;
  }

  /** One template the caller may read where they ask from (see the class comment); 404 otherwise. */
  public TemplateView view(String uid, Optional<String> projectId, String templateId) {
    return TemplateView.of(readable(uid, projectId, templateId));
  }

  /** The template, if the caller may read it from where they ask. */
  public Template readable(String uid, Optional<String> projectId, String templateId) {
    projectId.ifPresent(p -> projects.requireRole(uid, p, Role.VIEWER));
    for (Template t : GLOBAL) {
      if (t.id().equals(templateId)) {
        return t;
      }
    }
    return stored(templateId).filter(t -> t.deletedAt() == null)
        .filter(t -> uid.equals(t.ownerUid()) || t.projectId() != null && projectId.isPresent()
            && t.projectId().equals(projectId.get()))
        .orElseThrow(TemplateService::notFound);
  }

  /**
   * The template, if the caller may change it: 403 for a global one (duplicate it instead); a
   * project's needs the editor role; a personal one is its owner's, written with an editor's key
   * at the least.
   */
  private Template writable(String uid, Optional<String> projectId, String templateId) {
    Template t = readable(uid, projectId, templateId);
    switch (t.scope()) {
      case "global" -> throw ApiException.forbidden("A built-in template cannot be changed; duplicate it and change the copy.");
      case "project" -> projects.requireRole(uid, t.projectId(), Role.EDITOR);
      default -> {
        projectId.ifPresent(p -> projects.requireRole(uid, p, Role.EDITOR));
        KeyScope key = KeyScope.current();
        if (key != null && !key.role().atLeast(Role.EDITOR)) {
          throw ApiException.forbidden("This API key has the viewer role: it cannot change anything.");
        }
      }
    }
    return t;
  }

  private Optional<Template> stored(String templateId) {
    if (!Ids.isWellFormed(templateId)) {
      return Optional.empty();
    }
    return documents.get(COLLECTION, templateId).map(d -> template(d.data()));
  }

  static Template template(JsonObject data) {
    return Json.fromTree(data, Template.class);
  }

  static ApiException notFound() {
    return ApiException.notFound("No such template, or it is not yours to see.");
  }

  // ---- writing ----

  /** Adds a template to a project; editors and owners may. */
  public TemplateView create(String uid, String projectId, String name, ContentKind kind, String body,
      List<Variable> variables) {
    return create(uid, Optional.of(projectId), new Draft(name, kind, body, variables));
  }

  /** Adds a template to the project given (editors and owners), or else to the caller's library. */
  public TemplateView create(String uid, Optional<String> projectId, Draft draft) {
    projectId.ifPresent(p -> projects.requireRole(uid, p, Role.EDITOR));
    TemplateRules.check(draft.body(), draft.variables());
    Instant now = clock.instant();
    Template t = new Template(Ids.newId(), projectId.orElse(null), draft.name(), draft.kind(), draft.body(),
        draft.variables(), uid, now, now, 1, projectId.isPresent() ? null : uid, null);
    documents.transaction(tx -> {
      refuseFull(tx, t);
      tx.create(COLLECTION, t.id(), Json.toTree(t).getAsJsonObject());
      tx.create(VERSIONS, TemplateVersion.documentId(t.id(), 1), tree(TemplateVersion.of(t, uid, null)));
      return null;
    });
    return TemplateView.of(t);
  }

  private static void refuseFull(DocumentStore.Transaction tx, Template t) {
    if (held(tx, t.projectId(), t.ownerUid()) >= MAX_PER_SCOPE) {
      throw ApiException.conflict("This " + (t.projectId() != null ? "project" : "library") + " already holds "
          + MAX_PER_SCOPE + " templates; delete one first.");
    }
  }

  /**
   * Saves a new version of the template; {@code basedOn} is the version the edit started from: a
   * later one is a 409, so that two people editing at once do not overwrite each other unseen.
   */
  public TemplateView update(String uid, Optional<String> projectId, String templateId, long basedOn, Draft draft) {
    writable(uid, projectId, templateId);
    TemplateRules.check(draft.body(), draft.variables());
    return save(uid, templateId, basedOn, draft, null);
  }

  private TemplateView save(String uid, String templateId, long basedOn, Draft draft, Long restoredFrom) {
    Instant now = clock.instant();
    Template saved = documents.transaction(tx -> {
      Template current = tx.get(COLLECTION, templateId).map(d -> template(d.data()))
          .filter(t -> t.deletedAt() == null).orElseThrow(TemplateService::notFound);
      if (current.version() != basedOn) {
        throw ApiException.conflict("The template was changed since version " + basedOn + "; it is at version "
            + current.version() + ". Load it again and redo your change.");
      }
      Template next = new Template(current.id(), current.projectId(), draft.name(), draft.kind(), draft.body(),
          draft.variables(), current.createdBy(), current.createdAt(), now, current.version() + 1, current.ownerUid(),
          null);
      tx.set(COLLECTION, next.id(), Json.toTree(next).getAsJsonObject());
      tx.create(VERSIONS, TemplateVersion.documentId(next.id(), next.version()),
          tree(TemplateVersion.of(next, uid, restoredFrom)));
      return next;
    });
    return TemplateView.of(saved);
  }

  /** Saves, as a new version, what version {@code number} held; {@code basedOn} as for {@link #update}. */
  public TemplateView restore(String uid, Optional<String> projectId, String templateId, long number, long basedOn) {
    writable(uid, projectId, templateId);
    TemplateVersion old = versionOf(templateId, number);
    return save(uid, templateId, basedOn, new Draft(old.name(), old.kind(), old.body(), old.variables()), number);
  }

  /**
   * A copy of a template the caller may read, as version 1 of a new one: into the project asked
   * from when {@code toProject} (editors and owners), else into the caller's library.
   */
  public TemplateView duplicate(String uid, Optional<String> projectId, String templateId, boolean toProject,
      Optional<String> name) {
    Template source = readable(uid, projectId, templateId);
    if (toProject && projectId.isEmpty()) {
      throw ApiException.badRequest("to", "a copy goes to a project only when asked from that project's routes");
    }
    String copyName = name.orElseGet(() -> {
      String n = "Copy of " + source.name();
      return n.length() > 100 ? n.substring(0, 100) : n;
    });
    return create(uid, toProject ? projectId : Optional.empty(),
        new Draft(copyName, source.kind(), source.body(), source.variables()));
  }

  /**
   * Deletes a template: it leaves every list and route at once, and is kept as a tombstone so that
   * the batches that run it keep running (a new generation or batch cannot pick it). Its versions
   * stay with it, and go with its project when the project is deleted.
   */
  public void delete(String uid, Optional<String> projectId, String templateId) {
    writable(uid, projectId, templateId);
    Instant now = clock.instant();
    documents.transaction(tx -> {
      Template current = tx.get(COLLECTION, templateId).map(d -> template(d.data()))
          .filter(t -> t.deletedAt() == null).orElseThrow(TemplateService::notFound);
      Template gone = new Template(current.id(), current.projectId(), current.name(), current.kind(), current.body(),
          current.variables(), current.createdBy(), current.createdAt(), now, current.version(), current.ownerUid(),
          now);
      tx.set(COLLECTION, templateId, Json.toTree(gone).getAsJsonObject());
      return null;
    });
  }

  // ---- versions ----

  /** Every version of a template the caller may read, newest first (a global one has its one version). */
  public List<TemplateVersion> versions(String uid, Optional<String> projectId, String templateId) {
    Template t = readable(uid, projectId, templateId);
    if (t.scope().equals("global")) {
      return List.of(TemplateVersion.of(t, null, null));
    }
    return documents.query(Query.on(VERSIONS).whereEqualTo("templateId", templateId)
            .orderBy("number", Query.Direction.DESCENDING).limit(Query.MAX_LIMIT).build())
        .items().stream().map(d -> Json.fromTree(d.data(), TemplateVersion.class))
        .sorted(Comparator.comparingLong(TemplateVersion::number).reversed()).toList();
  }

  /** One version of a template the caller may read; 404 when there is no such version. */
  public TemplateVersion version(String uid, Optional<String> projectId, String templateId, long number) {
    Template t = readable(uid, projectId, templateId);
    if (t.scope().equals("global")) {
      if (number != t.version()) {
        throw ApiException.notFound("No such version of this template.");
      }
      return TemplateVersion.of(t, null, null);
    }
    return versionOf(templateId, number);
  }

  private TemplateVersion versionOf(String templateId, long number) {
    if (number < 1 || number > Integer.MAX_VALUE) {
      throw ApiException.notFound("No such version of this template.");
    }
    return documents.get(VERSIONS, TemplateVersion.documentId(templateId, number))
        .map(d -> Json.fromTree(d.data(), TemplateVersion.class))
        .orElseThrow(() -> ApiException.notFound("No such version of this template."));
  }

  /** What changed from version {@code from} to version {@code to}. */
  public TemplateDiff diff(String uid, Optional<String> projectId, String templateId, long from, long to) {
    return TemplateDiff.between(version(uid, projectId, templateId, from), version(uid, projectId, templateId, to));
  }

  // ---- preview ----

  /** The prompt a saved template makes with these values (no provider is called); 400 naming each value at fault. */
  public Preview preview(String uid, Optional<String> projectId, String templateId, Map<String, String> values) {
    Template t = readable(uid, projectId, templateId);
    return new Preview(TemplateRules.render(t, values, "values."));
  }

  /** The prompt an unsaved draft makes with these values: the editor's live preview. */
  public static Preview preview(Draft draft, Map<String, String> values) {
    TemplateRules.check(draft.body(), draft.variables());
    Template t = new Template("draft", null, draft.name(), draft.kind(), draft.body(), draft.variables(), null, null,
        null, 0);
    return new Preview(TemplateRules.render(t, values, "values."));
  }

  /** A rendered prompt. */
  public record Preview(String prompt) {}

  // ---- import and export ----

  /** The document of one template (see {@link TemplateTransfer}). */
  public JsonObject export(String uid, Optional<String> projectId, String templateId) {
    return TemplateTransfer.export(List.of(readable(uid, projectId, templateId)));
  }

  /** The document of the caller's library, or of a project's templates when one is named. */
  public JsonObject exportAll(String uid, Optional<String> projectId) {
    if (projectId.isPresent()) {
      projects.requireRole(uid, projectId.get(), Role.VIEWER);
      return TemplateTransfer.export(ofProject(projectId.get()));
    }
    return TemplateTransfer.export(library(uid));
  }

  /**
   * Adds every template of an export document to the project named (editors and owners) or to the
   * caller's library: all of them, each as version 1, in one transaction, or none (400 naming each
   * field at fault).
   */
  public List<TemplateView> importAll(String uid, Optional<String> projectId, JsonObject document) {
    projectId.ifPresent(p -> projects.requireRole(uid, p, Role.EDITOR));
    List<Draft> drafts = TemplateTransfer.read(document);
    Instant now = clock.instant();
    List<Template> made = new ArrayList<>();
    for (Draft d : drafts) {
      made.add(new Template(Ids.newId(), projectId.orElse(null), d.name(), d.kind(), d.body(), d.variables(), uid, now,
          now, 1, projectId.isPresent() ? null : uid, null));
    }
    documents.transaction(tx -> {
      if (held(tx, projectId.orElse(null), uid) + made.size() > MAX_PER_SCOPE) {
        throw ApiException.conflict("Importing " + made.size() + " templates would pass the " + MAX_PER_SCOPE
            + " this " + (projectId.isPresent() ? "project" : "library") + " may hold; nothing was imported.");
      }
      for (Template t : made) {
        tx.create(COLLECTION, t.id(), Json.toTree(t).getAsJsonObject());
        tx.create(VERSIONS, TemplateVersion.documentId(t.id(), 1), tree(TemplateVersion.of(t, uid, null)));
      }
      return null;
    });
    return made.stream().map(TemplateView::of).toList();
  }

  // ---- rendering, for generations and batches ----

  /** Checks a body against its variables; see {@link TemplateRules#check}. */
  static void check(String body, List<Variable> variables) {
    TemplateRules.check(body, variables);
  }

  /** The template's body with the values filled in; 400 naming each variable at fault. */
  public static String render(Template t, Map<String, String> values) {
    return TemplateRules.render(t, values, "variables.");
  }

  /** See {@link TemplateRules#fill}. */
  public static String fill(Template t, Map<String, String> resolved) {
    return TemplateRules.fill(t, resolved);
  }

  /** See {@link TemplateRules#resolve}. */
  public static Map<String, String> resolve(Template t, Map<String, String> values, String fieldPrefix,
      List<FieldError> errors) {
    return TemplateRules.resolve(t, values, fieldPrefix, errors);
  }

  private static JsonObject tree(Object o) {
    return Json.toTree(o).getAsJsonObject();
  }
}
