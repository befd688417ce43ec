package dev.contentcreator.core.calendar;

import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.domain.Secrets;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.KeyScope;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.json.OmitNulls;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.projects.ProjectView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A person's calendar: what is scheduled and what ran in a window, gathered from every
 * {@link CalendarSource} over every project the person is a member of (any role; strangers see
 * nothing, and an API key sees what its project scope and role reach), and moving an entry, which
 * editors and owners may.
 *
 * <p>The same entries are served as an iCalendar feed behind a private address,
 * {@code /api/calendar/feed/<token>.ics}: one per person, made or replaced (rotated) by
 * {@link #createFeed}, which shows the token once; only its SHA-256 is stored, as the id of
 * {@code calendarfeeds/<hash>} (holding the person's uid), so a stolen copy of the store opens no
 * feed. {@link #revokeFeed} ends it at once. The feed is computed on every fetch from the person's
 * memberships then, so a project they left is gone from it. API keys cannot manage feeds: a feed
 * address hands out everything the person sees, more than a key's scope.
 *
 * <p>A project whose entries cannot be read (a source fails on it) leaves the rest of the calendar
 * standing: its entries are left out, the answer names it in {@code unavailable}, and one warning
 * is logged for it; the feed leaves it out the same way.
 */
public final class CalendarService {
  public static final String FEEDS = "calendarfeeds";
  /** The most entries in one answer; beyond it the answer says {@code truncated}. */
  public static final int MAX_ENTRIES = 2000;
  /** How far back and ahead of now the feed reaches. */
  public static final Duration FEED_PAST = Duration.ofDays(28);
  public static final Duration FEED_AHEAD = Duration.ofDays(62);
  /** How long each event of the feed lasts in a calendar application. */
  static final Duration EVENT_LENGTH = Duration.ofMinutes(30);
  /** The one answer for every feed address that does not open. */
  public static final ApiException FEED_NOT_FOUND =
      ApiException.notFound("There is no calendar feed at this address, or it was revoked.");

  private final DocumentStore documents;
  private final ProjectService projects;
  private final Map<String, CalendarSource> sources;
  private final Clock clock;
  private final UnaryOperator<String> links;

  private CalendarService(Builder b) {
    this.documents = b.documents;
    this.projects = b.projects;
    this.sources = Map.copyOf(b.sources);
    this.clock = b.clock;
    this.links = b.links;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The answer of a calendar read ({@code Calendar} in docs/openapi.yaml); {@code unavailable}
   * names the projects whose entries could not be read, and is left out when there is none.
   */
  public record CalendarView(Instant from, Instant to, String timeZone, List<CalendarEntry> entries,
      boolean truncated, @OmitNulls List<UnavailableProject> unavailable) {}

  /** A project left out of a calendar because its entries could not be read. */
  public record UnavailableProject(String projectId, String projectName) {}

  /** Whether the person has a feed, and since when; never its token. */
  @OmitNulls
  public record FeedView(boolean active, Instant createdAt) {}

  /** A feed just made: its address and token, shown this once. */
  public record IssuedFeed(String url, String token, Instant createdAt) {}

  /** The entries of every project of the person. */
  public CalendarView list(String uid, CalendarRange range) {
    List<CalendarProject> mine = new ArrayList<>();
    String cursor = null;
    do {
      var page = projects.list(uid, 100, cursor);
      for (ProjectView p : page.items()) {
        mine.add(new CalendarProject(uid, p.id(), p.name(), p.role()));
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    return gather(mine, range);
  }

  /** The entries of one project; 404 for a stranger. */
  public CalendarView listProject(String uid, String projectId, CalendarRange range) {
    ProjectView p = projects.get(uid, projectId);
    return gather(List.of(new CalendarProject(uid, p.id(), p.name(), p.role())), range);
  }

  private CalendarView gather(List<CalendarProject> in, CalendarRange range) {
    List<CalendarEntry> entries = new ArrayList<>();
    List<UnavailableProject> unavailable = new ArrayList<>();
    boolean truncated = false;
    for (CalendarProject project : in) {
      List<CalendarEntry> ofProject = new ArrayList<>();
      boolean cut = false;
      try {
        for (CalendarSource source : sources.values()) {
          int room = MAX_ENTRIES - entries.size() - ofProject.size();
          if (room <= 0) {
            cut = true;
            break;
          }
          List<CalendarEntry> found = source.entries(project, range.from(), range.to(), room);
          ofProject.addAll(found);
          cut |= found.size() >= room;
        }
      } catch (RuntimeException e) {
        Log.warning("calendar of " + project.uid() + ": project " + project.id()
            + " left out, its entries could not be read", e);
        unavailable.add(new UnavailableProject(project.id(), project.name()));
        continue;
      }
      entries.addAll(ofProject);
      truncated |= cut;
    }
    entries.sort(Comparator.comparing(CalendarEntry::start).thenComparing(CalendarEntry::id));
    return new CalendarView(range.from(), range.to(), range.zone().getId(), entries, truncated,
        unavailable.isEmpty() ? null : List.copyOf(unavailable));
  }

  /**
   * Moves an entry of a project to {@code start}: editors and owners (403 for a viewer, 404 for a
   * stranger or an unknown kind); the source says what it can move.
   */
  public CalendarEntry move(String uid, String projectId, String kind, String refId, Instant start, String ifMatch) {
    Objects.requireNonNull(start, "start");
    var member = projects.requireRole(uid, projectId, Role.EDITOR);
    CalendarSource source = sources.get(kind);
    if (source == null) {
      throw ApiException.notFound("No such kind of calendar entry.");
    }
    ProjectView p = projects.get(uid, projectId);
    return source.move(new CalendarProject(uid, p.id(), p.name(), member.role()), refId, start, ifMatch);
  }

  /** Whether the person has a feed. */
  public FeedView feed(String uid) {
    requirePerson();
    return findFeed(uid).map(d -> new FeedView(true, Json.fromTree(d.data().get("createdAt"), Instant.class)))
        .orElse(new FeedView(false, null));
  }

  /** Makes the person's feed, replacing any they had (whose address then opens nothing). */
  public IssuedFeed createFeed(String uid) {
    requirePerson();
    String token = Secrets.newSecret();
    Instant now = clock.instant();
    JsonObject doc = new JsonObject();
    doc.addProperty("uid", uid);
    doc.addProperty("createdAt", Json.format(now));
    documents.transaction(tx -> {
      for (Document old : tx.query(Query.on(FEEDS).whereEqualTo("uid", uid).limit(10).build()).items()) {
        tx.delete(FEEDS, old.id());
      }
      tx.create(FEEDS, Secrets.hash(token), doc);
      return null;
    });
    return new IssuedFeed(links.apply("/api/calendar/feed/" + token + ".ics"), token, now);
  }

  /** Ends the person's feed at once; nothing to end is not an error. */
  public void revokeFeed(String uid) {
    requirePerson();
    documents.transaction(tx -> {
      for (Document old : tx.query(Query.on(FEEDS).whereEqualTo("uid", uid).limit(10).build()).items()) {
        tx.delete(FEEDS, old.id());
      }
      return null;
    });
  }

  /**
   * The feed at {@code token} (with or without {@code .ics}) as iCalendar text: the person's
   * entries from {@link #FEED_PAST} before now to {@link #FEED_AHEAD} after. {@link #FEED_NOT_FOUND}
   * for a token that is unknown, revoked or not shaped like one.
   */
  public String ics(String token) {
    String t = token != null && token.endsWith(".ics") ? token.substring(0, token.length() - 4) : token;
    if (!Secrets.isWellFormed(t)) {
      throw FEED_NOT_FOUND;
    }
    Document feed = documents.get(FEEDS, Secrets.hash(t)).orElseThrow(() -> FEED_NOT_FOUND);
    String uid = feed.data().get("uid").getAsString();
    Instant now = clock.instant();
    CalendarView view;
    try (var unscoped = KeyScope.enter(null)) {
      view = list(uid, new CalendarRange(now.minus(FEED_PAST), now.plus(FEED_AHEAD), java.time.ZoneOffset.UTC));
    }
    List<ICalendar.Event> events = new ArrayList<>();
    for (CalendarEntry e : view.entries()) {
      StringBuilder description = new StringBuilder("Project: ").append(e.projectName())
          .append("\nStatus: ").append(e.status());
      if (e.detail() != null) {
        description.append('\n').append(e.detail());
      }
      events.add(new ICalendar.Event(e.id() + "@contentcreator", e.start(), EVENT_LENGTH,
          label(e.kind()) + ": " + e.title(), description.toString(), e.link() == null ? null : links.apply(e.link())));
    }
    return ICalendar.write("Content Creator", now, events);
  }

  private static String label(String kind) {
    return kind.isEmpty() ? kind : Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
  }

  private Optional<Document> findFeed(String uid) {
    return documents.query(Query.on(FEEDS).whereEqualTo("uid", uid).limit(1).build()).items().stream().findFirst();
  }

  private static void requirePerson() {
    if (KeyScope.current() != null) {
      throw ApiException.forbidden("A calendar feed is managed by the signed-in person; an API key cannot manage it.");
    }
  }

  /** Collects the parts; each {@code withX}-style call checks its argument. */
  public static final class Builder {
    private DocumentStore documents;
    private ProjectService projects;
    private final Map<String, CalendarSource> sources = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private UnaryOperator<String> links;

    private Builder() {}

    public Builder documents(DocumentStore documents) {
      this.documents = Objects.requireNonNull(documents, "documents");
      return this;
    }

    public Builder projects(ProjectService projects) {
      this.projects = Objects.requireNonNull(projects, "projects");
      return this;
    }

    /** Adds a source of entries; its kind must be a lower-case word not taken by another. */
    public Builder source(CalendarSource source) {
      Objects.requireNonNull(source, "source");
      String kind = source.kind();
      if (kind == null || !kind.matches("[a-z][a-z0-9]{0,31}")) {
        throw new IllegalArgumentException("a source's kind is a lower-case word, got: " + kind);
      }
      if (sources.containsKey(kind)) {
        throw new IllegalArgumentException("two sources of the kind " + kind);
      }
      sources.put(kind, source);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Makes the absolute address of a path of the web app ({@code /projects/...}), for the feed. */
    public Builder links(UnaryOperator<String> links) {
      this.links = Objects.requireNonNull(links, "links");
      return this;
    }

    public CalendarService build() {
      if (documents == null || projects == null || links == null) {
        throw new IllegalStateException("a calendar needs documents, projects and links");
      }
      if (sources.isEmpty()) {
        throw new IllegalStateException("a calendar needs at least one source");
      }
      return new CalendarService(this);
    }
  }
}
