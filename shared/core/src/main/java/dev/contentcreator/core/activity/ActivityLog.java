package dev.contentcreator.core.activity;

import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import dev.contentcreator.core.ports.InvalidCursorException;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.Listing;
import dev.contentcreator.core.projects.ProjectService;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A project's activity log: one append-only record ({@code activity/<id>}) per thing someone did.
 *
 * <p>Writing: a service calls {@link #record(Transaction, String, Instant, Actor, ActivityAction,
 * Target, Map)} inside the transaction that makes the change, after its reads (Firestore's rule), so
 * a change is never stored without its record or a record without its change. Where a change is
 * not transactional, {@link #record(DocumentStore, String, Instant, Actor, ActivityAction, Target,
 * Map)} writes it alone.
 *
 * <p>Reading: members (viewer and up) list it newest first, filtered by action, actor, content item
 * and time; owners export it as CSV. Records outlive what they are about (a deleted content item's
 * history stays the project's history) and go only with the project ({@code PurgeService}).
 */
public final class ActivityLog {
  public static final String ACTIVITY = "activity";
  /** The most characters a detail's value keeps. */
  public static final int MAX_DETAIL = 2_000;
  private static final int EXPORT_PAGE = 200;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final List<String> CSV_HEADER = List.of("at", "actor_uid", "actor_name", "action", "target_type",
      "target_id", "target_title", "content_id", "details");

  private final DocumentStore documents;
  private final ProjectService projects;

  public ActivityLog(DocumentStore documents, ProjectService projects) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
  }

  /**
   * Writes one record inside {@code tx} (after the transaction's reads). {@code details} may be
   * empty; its values are cut to {@link #MAX_DETAIL} characters. Returns the record written.
   */
  public static Activity record(Transaction tx, String projectId, Instant at, Actor actor, ActivityAction action,
      Target target, Map<String, String> details) {
    Activity a = build(projectId, at, actor, action, target, details);
    tx.create(ACTIVITY, a.id(), Json.toTree(a).getAsJsonObject());
    return a;
  }

  /** Writes one record on its own, for a change that is not made in a transaction. */
  public static Activity record(DocumentStore documents, String projectId, Instant at, Actor actor,
      ActivityAction action, Target target, Map<String, String> details) {
    Activity a = build(projectId, at, actor, action, target, details);
    documents.create(ACTIVITY, a.id(), Json.toTree(a).getAsJsonObject());
    return a;
  }

  private static Activity build(String projectId, Instant at, Actor actor, ActivityAction action, Target target,
      Map<String, String> details) {
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Map<String, String> kept = new HashMap<>();
    if (details != null) {
      details.forEach((k, v) -> {
        if (v != null) {
          kept.put(k, v.length() > MAX_DETAIL ? v.substring(0, MAX_DETAIL) : v);
        }
      });
    }
    return new Activity(newId(at), projectId, at, actor.uid(), actor.name(), action.wireName(), target.type(),
        target.id(), target.title(), target.contentId(), kept);
  }

  /**
   * An id that sorts as the records were made: the time in milliseconds, then a counter of this
   * process, then randomness, so records of one moment still list in the order they were written.
   */
  static String newId(Instant at) {
    String millis = String.format(Locale.ROOT, "%011x", at.toEpochMilli());
    String seq = String.format(Locale.ROOT, "%04x", SEQUENCE.getAndIncrement() & 0xffff);
    StringBuilder b = new StringBuilder(millis).append(seq);
    for (int i = 0; i < 8; i++) {
      b.append(Character.forDigit(RANDOM.nextInt(36), 36));
    }
    return b.toString();
  }

  /** One page of the project's log, newest first; members may read it. */
  public Listing<ActivityView> list(String uid, String projectId, ActivityFilter filter, int limit, String cursor) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    Page page;
    try {
      page = documents.query(query(projectId, filter, limit, cursor));
    } catch (InvalidCursorException e) {
      throw ApiException.badRequest("cursor", "is not a cursor this list gave out; start again without it");
    }
    Map<String, String> names = names(projectId);
    List<ActivityView> items = new ArrayList<>();
    for (Document d : page.items()) {
      Activity a = activity(d);
      items.add(ActivityView.of(a, shownName(a, names)));
    }
    return new Listing<>(items, page.nextCursor());
  }

  /** Checks that the caller may export the log (owners); strangers get 404, other members 403. */
  public void requireExport(String uid, String projectId) {
    projects.requireRole(uid, projectId, Role.OWNER);
  }

  /**
   * Writes the whole filtered log as CSV (newest first), page by page, so a long log is never held
   * in memory. The caller checked {@link #requireExport} before the answer began.
   */
  public void exportCsv(String projectId, ActivityFilter filter, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    Csv.row(w, CSV_HEADER);
    Map<String, String> names = names(projectId);
    String cursor = null;
    do {
      Page page = documents.query(query(projectId, filter, EXPORT_PAGE, cursor));
      for (Document d : page.items()) {
        Activity a = activity(d);
        Csv.row(w, List.of(Json.format(a.at()), a.actorUid(), shownName(a, names), a.action(),
            a.targetType(), a.targetId(), nullToEmpty(a.targetTitle()), nullToEmpty(a.contentId()),
            details(a.details())));
      }
      w.flush();
      cursor = page.nextCursor();
    } while (cursor != null);
  }

  /** The log's query; each filter given is one more equality (firestore.indexes.json lists every mix). */
  private static Query query(String projectId, ActivityFilter filter, int limit, String cursor) {
    Query.Builder q = Query.on(ACTIVITY).whereEqualTo("projectId", projectId);
    Optional.ofNullable(filter.action()).ifPresent(a -> q.whereEqualTo("action", a.wireName()));
    Optional.ofNullable(filter.actorUid()).ifPresent(a -> q.whereEqualTo("actorUid", a));
    Optional.ofNullable(filter.contentId()).ifPresent(c -> q.whereEqualTo("contentId", c));
    q.orderBy("at", Query.Direction.DESCENDING).limit(limit).startAfter(cursor);
    if (filter.since() != null || filter.until() != null) {
      q.range("at", filter.since() == null ? null : Json.format(filter.since()),
          filter.until() == null ? null : Json.format(filter.until()));
    }
    return q.build();
  }

  /** The members' names now, for records written without one. */
  private Map<String, String> names(String projectId) {
    Map<String, String> names = new HashMap<>();
    for (Document d : documents.query(Query.on(ProjectService.MEMBERS).whereEqualTo("projectId", projectId)
        .limit(ProjectService.MAX_MEMBERS).build()).items()) {
      Member m = Json.fromTree(d.data(), Member.class);
      names.put(m.uid(), m.shownName());
    }
    return names;
  }

  private static String shownName(Activity a, Map<String, String> names) {
    if (a.actorName() != null && !a.actorName().isBlank()) {
      return a.actorName();
    }
    return names.getOrDefault(a.actorUid(), a.actorUid());
  }

  /** The details as {@code key=value} pairs in key order, separated by {@code ; }. */
  private static String details(Map<String, String> details) {
    StringBuilder b = new StringBuilder();
    details.keySet().stream().sorted().forEach(k ->
        b.append(b.length() == 0 ? "" : "; ").append(k).append('=').append(details.get(k)));
    return b.toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  static Activity activity(Document d) {
    return Json.fromTree(d.data(), Activity.class);
  }
}
