package dev.contentcreator.core.shares;

import dev.contentcreator.core.activity.ActivityAction;
import dev.contentcreator.core.activity.ActivityLog;
import dev.contentcreator.core.activity.Actor;
import dev.contentcreator.core.activity.Target;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.contents.ContentView;
import dev.contentcreator.core.domain.ContentItem;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.ReviewStatus;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.InvalidCursorException;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.core.projects.Listing;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.review.ReviewService;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Share links ({@code shares/<sha256 of the secret>}): one content item, or a gallery of items of
 * one project that the sharer picked, opened by anyone who holds the link, without an account.
 *
 * <p>Members: editors and owners make, list and revoke a project's links (viewers and named
 * reviewers do not: a link hands the project's work to people outside it). A link ends at
 * {@code expiresAt} (default {@link #DEFAULT_TTL}, at most {@link #MAX_TTL}) or when revoked, at once;
 * it may have a password ({@link SharePasswords}) and lets its holder view, comment or approve
 * ({@link SharePermission}). Making and revoking are in the activity log.
 *
 * <p>Guests: a link that is guessed, revoked, expired, of a deleted project, or not shaped like a
 * token answers the one {@link #NOT_FOUND}. A link with a password answers 401
 * {@code share-password-required} until {@link #unlock} hands out a guest session: the link's id and
 * an expiry, signed with the link's own key (HMAC-SHA256), so it ends with the link; wrong passwords
 * are limited per link (and per address by the route). Opening the link ({@link #open}) counts one
 * view; media fetches do not. Views are written in batches, at most once a second per process.
 */
public final class ShareService {
  public static final String SHARES = "shares";
  public static final Duration DEFAULT_TTL = Duration.ofDays(14);
  public static final Duration MAX_TTL = Duration.ofDays(90);
  public static final Duration MIN_TTL = Duration.ofMinutes(5);
  /** How long an unlocked guest session lasts. */
  public static final Duration SESSION_TTL = Duration.ofHours(2);
  public static final int MAX_ITEMS = 50;
  public static final int MAX_LABEL = 100;
  public static final int MAX_GUEST_NAME = 80;
  /** The least time between two writes of the views counted in this process. */
  static final Duration VIEW_WRITE_INTERVAL = Duration.ofSeconds(1);
  /** The one answer for every link that does not open (see the class comment). */
  public static final ApiException NOT_FOUND = ApiException.notFound("There is no share link here, or it has ended.");
  private static final ApiException PASSWORD_REQUIRED = ApiException.of(401, "share-password-required",
      "Password required", "This link has a password: unlock it first.");
  private static final ApiException WRONG_PASSWORD = ApiException.of(401, "share-password-wrong",
      "Wrong password", "That is not the link's password.");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DocumentStore documents;
  private final ProjectService projects;
  private final ContentService contents;
  private final ReviewService reviews;
  private final Supplier<RateLimiter> rateLimiter;
  private final ShareSettings settings;
  private final Clock clock;

  public ShareService(DocumentStore documents, ProjectService projects, ContentService contents,
      ReviewService reviews, Supplier<RateLimiter> rateLimiter, ShareSettings settings, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.contents = Objects.requireNonNull(contents, "contents");
    this.reviews = Objects.requireNonNull(reviews, "reviews");
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public ShareSettings settings() {
    return settings;
  }

  public static Share share(Document d) {
    return Json.fromTree(d.data(), Share.class);
  }

  /** What a member asks for when making a link; {@code expiresAt} and {@code password} may be null. */
  public record Request(List<String> contentIds, SharePermission permission, Instant expiresAt, String password,
      String label) {
    public Request {
      Objects.requireNonNull(contentIds, "contentIds");
      Objects.requireNonNull(permission, "permission");
      Objects.requireNonNull(label, "label");
    }
  }

  // ---- members ----

  /** Makes a link; editors and owners. The answer carries the secret, this once. */
  public IssuedShare create(String uid, String projectId, Request req) {
    projects.requireRole(uid, projectId, Role.EDITOR); // before the password's slow hash
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(req.contentIds()));
    if (ids.isEmpty() || ids.size() > MAX_ITEMS) {
      throw ApiException.unprocessable("contentIds", "must name 1 to " + MAX_ITEMS + " content items");
    }
    Instant now = clock.instant();
    Instant expiresAt = req.expiresAt() == null ? now.plus(DEFAULT_TTL) : req.expiresAt();
    if (expiresAt.isBefore(now.plus(MIN_TTL)) || expiresAt.isAfter(now.plus(MAX_TTL))) {
      throw ApiException.unprocessable("expiresAt", "must be between 5 minutes and 90 days from now");
    }
    String passwordHash = req.password() == null ? null : SharePasswords.hash(req.password());
    String token = ShareTokens.newToken();
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    Share made = documents.transaction(tx -> {
      Member member = projects.requireRole(tx, uid, projectId, Role.EDITOR);
      List<ContentItem> items = new ArrayList<>();
      for (String id : ids) {
        ContentItem c = Ids.isWellFormed(id) ? tx.get(ContentService.CONTENTS, id).map(ContentService::content)
            .filter(x -> x.projectId().equals(projectId)).orElse(null) : null;
        if (c == null) {
          throw ApiException.unprocessable("contentIds", "names " + id + ", which is not a content item of this project");
        }
        items.add(c);
      }
      Share s = new Share(ShareTokens.hash(token), projectId, ids.size() == 1 ? ids.get(0) : null, ids,
          req.permission(), req.label(), passwordHash, Base64.getUrlEncoder().withoutPadding().encodeToString(key),
          uid, member.shownName(), now, expiresAt, null, null, 0, null, 1);
      tx.create(SHARES, s.id(), Json.toTree(s).getAsJsonObject());
      Map<String, String> details = new LinkedHashMap<>();
      details.put("permission", s.permission().wireName());
      details.put("items", Integer.toString(ids.size()));
      details.put("expiresAt", Json.format(expiresAt));
      details.put("password", Boolean.toString(s.hasPassword()));
      ActivityLog.record(tx, projectId, now, Actor.of(member), ActivityAction.SHARE_CREATED, target(s, items), details);
      return s;
    });
    return IssuedShare.of(ShareView.of(made, now), token);
  }

  /** A project's links, newest first, with their views; editors and owners. */
  public Listing<ShareView> list(String uid, String projectId, int limit, String cursor) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    flushViews();
    Page page;
    try {
      page = documents.query(Query.on(SHARES).whereEqualTo("projectId", projectId)
          .orderBy("createdAt", Query.Direction.DESCENDING).limit(limit).startAfter(cursor).build());
    } catch (InvalidCursorException e) {
      throw ApiException.badRequest("cursor", "is not a cursor this list gave out; start again without it");
    }
    Instant now = clock.instant();
    return new Listing<>(page.items().stream().map(ShareService::share).map(s -> ShareView.of(s, now)).toList(),
        page.nextCursor());
  }

  /** One link; editors and owners. */
  public ShareView get(String uid, String projectId, String shareId) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    flushViews();
    return ShareView.of(ofProject(projectId, shareId), clock.instant());
  }

  /** Ends a link at once (the record stays, with its views); editors and owners. Revoking twice changes nothing. */
  public ShareView revoke(String uid, String projectId, String shareId) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    ofProject(projectId, shareId);
    Share s = documents.transaction(tx -> {
      Member me = projects.requireRole(tx, uid, projectId, Role.EDITOR);
      Share found = tx.get(SHARES, shareId).map(ShareService::share).filter(x -> x.projectId().equals(projectId))
          .orElseThrow(ShareService::noSuchLink);
      if (found.revokedAt() != null) {
        return found;
      }
      Instant now = clock.instant();
      Share revoked = found.revoked(uid, now);
      tx.set(SHARES, shareId, Json.toTree(revoked).getAsJsonObject());
      ActivityLog.record(tx, projectId, now, Actor.of(me), ActivityAction.SHARE_REVOKED,
          Target.of("share", shareId.substring(0, 12), found.label()), Map.of("views", Long.toString(found.views())));
      return revoked;
    });
    return ShareView.of(s, clock.instant());
  }

  private Share ofProject(String projectId, String shareId) {
    if (!ShareTokens.isShareId(shareId)) {
      throw noSuchLink();
    }
    return documents.get(SHARES, shareId).map(ShareService::share).filter(s -> s.projectId().equals(projectId))
        .orElseThrow(ShareService::noSuchLink);
  }

  private static ApiException noSuchLink() {
    return ApiException.notFound("No such share link in this project.");
  }

  private static Target target(Share s, List<ContentItem> items) {
    String title = s.label().isEmpty() ? items.get(0).title() + (items.size() > 1 ? " (+" + (items.size() - 1) + ")" : "")
        : s.label();
    return new Target("share", s.id().substring(0, 12), title, items.size() == 1 ? items.get(0).id() : null);
  }

  // ---- guests ----

  /**
   * The link's holder, checked: the link is live, its project exists, and a link with a password
   * came with a valid session. Any guest action starts here.
   */
  public Guest guest(String token, String session) {
    Share s = live(token);
    if (s.hasPassword() && !validSession(s, session)) {
      throw PASSWORD_REQUIRED;
    }
    return new Guest(s);
  }

  /** A checked holder of a link. */
  public static final class Guest {
    private final Share share;

    private Guest(Share share) {
      this.share = share;
    }

    public SharePermission permission() {
      return share.permission();
    }

    public String projectId() {
      return share.projectId();
    }

    /** Refuses (403) an action the link's permission does not allow. */
    public void require(SharePermission needed) {
      if (!share.permission().allows(needed)) {
        throw ApiException.forbidden("This link lets its holder " + share.permission().wireName() + " only.");
      }
    }

    /** Refuses (404, as for any item not here) an item the link does not open. */
    public void requireOpens(String contentId) {
      if (contentId == null || !share.contentIds().contains(contentId)) {
        throw ApiException.notFound("This link does not open that item.");
      }
    }

    /** The guest as the activity log and review history name them: {@code Ana (guest via link Campaign)}. */
    public Actor actor(String guestName) {
      String link = share.label().isEmpty() ? "" : " " + share.label();
      return Actor.person("guest:" + share.id().substring(0, 12), guestName + " (guest via link" + link + ")");
    }
  }

  /**
   * What the link shows, counting one view. The link is read first, so a link revoked a moment ago
   * shows nothing; then its project, its items and their versions. Reading takes no write: the
   * view is counted in memory and written with the others of that second ({@link #flushViews}), so
   * opening a link never waits for the one writer (one machine) or a hot document (Firestore).
   */
  public SharedPage open(String token, String session, String mediaBase) {
    if (!ShareTokens.isWellFormed(token)) {
      throw NOT_FOUND;
    }
    String id = ShareTokens.hash(token);
    Instant now = clock.instant();
    Share s = documents.get(SHARES, id).map(ShareService::share).filter(x -> x.isLive(now)).orElseThrow(() -> NOT_FOUND);
    if (documents.get(ProjectService.PROJECTS, s.projectId()).isEmpty()) {
      throw NOT_FOUND;
    }
    if (s.hasPassword() && !validSession(s, session)) {
      throw PASSWORD_REQUIRED;
    }
    List<SharedPage.Item> items = new ArrayList<>();
    for (String contentId : s.contentIds()) {
      ContentItem c = documents.get(ContentService.CONTENTS, contentId).map(ContentService::content)
          .filter(x -> x.projectId().equals(s.projectId())).orElse(null);
      if (c != null) {
        ContentVersion v = documents.get(ContentService.VERSIONS, ContentVersion.documentId(c.id(), c.currentVersion()))
            .map(ContentService::version).orElse(null);
        items.add(item(c, v, mediaBase));
      }
    }
    if (items.isEmpty()) {
      throw NOT_FOUND; // every item it opened is gone: the link shows nothing, like one that never was
    }
    countView(s.id(), now);
    return new SharedPage(s.label(), s.permission().wireName(), s.expiresAt(), items);
  }

  // ---- views: counted in memory, written at most once a second per link ----

  /** Views not yet written, by link: how many, and the last one's time. */
  private record Views(long count, Instant last) {
    Views plus(Views other) {
      return new Views(count + other.count, last.isAfter(other.last) ? last : other.last);
    }
  }

  private final ConcurrentHashMap<String, Views> unwritten = new ConcurrentHashMap<>();
  private final ReentrantLock writingViews = new ReentrantLock();
  private volatile Instant viewsWrittenAt = Instant.EPOCH;

  private void countView(String shareId, Instant now) {
    unwritten.merge(shareId, new Views(1, now), Views::plus);
    if (!now.isBefore(viewsWrittenAt.plus(VIEW_WRITE_INTERVAL))) {
      flushViews();
    }
  }

  /**
   * Writes the views counted in this process since the last write, one transaction per link; the
   * request that finds a second gone by does it, and a member's list or look at a link does it
   * first, so what they see includes every view this process counted. A link gone meanwhile drops
   * its views. Views counted in a process that stops before its next write are not kept.
   */
  public void flushViews() {
    if (!writingViews.tryLock()) {
      return; // another request is writing them now
    }
    try {
      viewsWrittenAt = clock.instant();
      for (String shareId : List.copyOf(unwritten.keySet())) {
        Views v = unwritten.remove(shareId);
        if (v == null) {
          continue;
        }
        try {
          documents.transaction(tx -> {
            tx.get(SHARES, shareId).map(ShareService::share).ifPresent(s ->
                tx.set(SHARES, shareId, Json.toTree(s.viewed(v.count(), v.last())).getAsJsonObject()));
            return null;
          });
        } catch (RuntimeException e) {
          unwritten.merge(shareId, v, Views::plus); // kept for the next write
          Log.warning("could not write the views of a share link: " + e);
        }
      }
    } finally {
      writingViews.unlock();
    }
  }

  private static SharedPage.Item item(ContentItem c, ContentVersion v, String mediaBase) {
    String kind = c.kind().name().toLowerCase(java.util.Locale.ROOT);
    if (v == null) {
      return new SharedPage.Item(c.id(), kind, c.title(), c.reviewStatus().wireName(), c.currentVersion(), null, null,
          null, null, null, null, null);
    }
    String url = v.blobKey() == null ? null : mediaBase + "?contentId=" + c.id();
    Map<String, String> renditions = null;
    if (url != null && v.media() != null && !v.media().renditions().isEmpty()) {
      renditions = new LinkedHashMap<>();
      for (String name : v.media().renditions().keySet().stream().sorted().toList()) {
        renditions.put(name, url + "&rendition=" + name);
      }
    }
    return new SharedPage.Item(c.id(), kind, c.title(), c.reviewStatus().wireName(), v.number(), v.text(),
        v.contentType(), v.width(), v.height(), v.durationSeconds(), url, renditions);
  }

  /** The current media of an item the link opens; not a view. */
  public ContentService.Media media(String token, String session, String contentId, Optional<String> rendition) {
    Guest g = guest(token, session);
    g.requireOpens(contentId);
    return contents.sharedMedia(g.projectId(), contentId, rendition);
  }

  /**
   * Checks a link's password and hands out a guest session (a link without one gets a session
   * too, so a client need not know which it holds). Tries are limited per link ({@code SHARE_UNLOCK_LIMIT_PER_LINK}).
   */
  public SharedPage.Session unlock(String token, String password) {
    Share s = live(token);
    if (!s.hasPassword()) {
      return session(s);
    }
    settings.unlockPerLink().ifPresent(limit -> {
      RateLimiter.Decision d = rateLimiter.get().tryAcquire("share-unlock:" + s.id(), limit);
      if (!d.allowed()) {
        long seconds = Math.max(1, d.retryAfter().toSeconds());
        throw ApiException.of(429, "rate-limited", "Too many requests",
            "Too many password tries at this link; try again in " + seconds + " s.")
            .withHeaders(Map.of("Retry-After", Long.toString(seconds)));
      }
    });
    if (!SharePasswords.matches(password, s.passwordHash())) {
      throw WRONG_PASSWORD;
    }
    return session(s);
  }

  /** A guest's verdict on an item of a link that may approve. */
  public ContentView review(String token, String session, String contentId, ReviewStatus to, String note,
      String guestName) {
    Guest g = guest(token, session);
    g.requireOpens(contentId);
    g.require(SharePermission.APPROVE);
    if (to != ReviewStatus.APPROVED && to != ReviewStatus.CHANGES_REQUESTED) {
      throw ApiException.unprocessable("status", "must be approved or changes_requested");
    }
    return reviews.changeAsGuest(g.projectId(), contentId, to, note, g.actor(guestName));
  }

  /** The live link of {@code token}, or {@link #NOT_FOUND}. */
  private Share live(String token) {
    if (!ShareTokens.isWellFormed(token)) {
      throw NOT_FOUND;
    }
    Instant now = clock.instant();
    Share s = documents.get(SHARES, ShareTokens.hash(token)).map(ShareService::share).filter(x -> x.isLive(now))
        .orElseThrow(() -> NOT_FOUND);
    if (documents.get(ProjectService.PROJECTS, s.projectId()).isEmpty()) {
      throw NOT_FOUND;
    }
    return s;
  }

  // ---- guest sessions: "<expiry epoch seconds>.<base64url HMAC-SHA256(key, id|expiry)>" ----

  private SharedPage.Session session(Share s) {
    Instant expires = clock.instant().plus(SESSION_TTL);
    if (expires.isAfter(s.expiresAt())) {
      expires = s.expiresAt();
    }
    long at = expires.getEpochSecond();
    return new SharedPage.Session(at + "." + mac(s, at), Instant.ofEpochSecond(at));
  }

  boolean validSession(Share s, String session) {
    if (session == null || session.length() > 100) {
      return false;
    }
    int dot = session.indexOf('.');
    if (dot < 1 || dot > 12) {
      return false;
    }
    long at;
    try {
      at = Long.parseLong(session.substring(0, dot));
    } catch (NumberFormatException e) {
      return false;
    }
    if (!clock.instant().isBefore(Instant.ofEpochSecond(at))) {
      return false; // ended: a session, like its link, is closed from its expiry on
    }
    return MessageDigest.isEqual(mac(s, at).getBytes(StandardCharsets.US_ASCII),
        session.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
  }

  private static String mac(Share s, long at) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(s.sessionKey()), "HmacSHA256"));
      byte[] sig = mac.doFinal((s.id() + "|" + at).getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
