package dev.contentcreator.core.publishing;

import com.google.gson.JsonObject;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.domain.ContentItem;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.ReviewStatus;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.hooks.HookEventType;
import dev.contentcreator.core.hooks.HookService;
import dev.contentcreator.core.hooks.WebhookSignatures;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.net.FetchException;
import dev.contentcreator.core.net.HostAllowlist;
import dev.contentcreator.core.net.RefusedAddressException;
import dev.contentcreator.core.net.SafeFetcher;
import dev.contentcreator.core.ports.BlobStore;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.InvalidCursorException;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Publisher;
import dev.contentcreator.core.ports.Publisher.PublishException;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.Secrets;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.core.projects.Listing;
import dev.contentcreator.core.projects.ProjectService;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Publishing: a project's owners connect places to publish to ({@code publishconnections}: a
 * WordPress site, a webhook receiver, a Mastodon account; the secret in the secrets port), and its
 * editors publish a content item through one, now or at a time ({@code publications}).
 *
 * <p>Nothing is sent inline. A publication queues one {@value #HANDLER} task at its time. A task
 * first claims its try in a transaction (status {@code publishing}, a lease until
 * {@link PublishingSettings#lease()}), so two deliveries of one task cannot both send: the second
 * finds the try claimed and asks the queue to come back after the lease, by when the first has
 * ended it (or died, and the lease lets the try be taken over). A try that fails in a way that may
 * pass (5xx, 429, no answer, no connection) queues the next try after the backoff, up to
 * {@link PublishingSettings#maxAttempts()}; one that cannot pass (a refused password, a bad
 * request, a refused address, an item back in review) fails at once with its reason. Since a try
 * after a timeout cannot know whether the first request got through, every connector makes the
 * same post idempotent by the publication's id ({@link Publisher}). Each publication that ends
 * emits {@code publish.succeeded} or {@code publish.failed} to the project's webhooks.
 *
 * <p>Roles: viewers read connections (without secrets) and publications; editors publish,
 * reschedule, cancel and try again; owners make, test and delete connections. A stranger gets the
 * same 404 as a missing thing. An item in review ({@code in_review}, {@code changes_requested})
 * is published only once approved.
 */
public final class PublishingService {
  public static final String CONNECTIONS = "publishconnections";
  public static final String PUBLICATIONS = "publications";
  public static final String HANDLER = "publish";
  public static final String QUEUE = HookService.QUEUE;
  public static final List<String> CHANNELS = List.of(WordPressPublisher.CHANNEL, WebhookPublisher.CHANNEL,
      MastodonPublisher.CHANNEL);
  public static final int MAX_CONNECTIONS = 20;
  public static final int MAX_URL = 2048;
  public static final int MAX_NAME = 100;
  public static final int MAX_SECRET = 512;
  public static final int MAX_TAGS = 10;
  public static final int MAX_TAG = 50;
  public static final long MAX_IMAGE_BYTES = 20L * 1024 * 1024;
  /** How far ahead a publication may be set. */
  public static final Duration MAX_AHEAD = Duration.ofDays(366);
  static final long MAX_ANSWER_BYTES = 8L * 1024 * 1024;
  private static final ApiException NO_CONNECTION = ApiException.notFound("No such connection in this project.");
  private static final ApiException NO_PUBLICATION = ApiException.notFound("No such publication in this project.");
  private static final ApiException NO_CONTENT = ApiException.notFound("No such content item in this project.");

  private final DocumentStore documents;
  private final ProjectService projects;
  private final Supplier<BlobStore> blobs;
  private final Supplier<Secrets> secrets;
  private final Supplier<TaskQueue> tasks;
  private final Supplier<SafeFetcher> fetcher;
  private final Map<String, Publisher> publishers;
  private final Supplier<HookService> hooks;
  private final PublishingSettings settings;
  private final Clock clock;

  /**
   * @param publishers the connectors by channel ({@link #publishers(Supplier, Clock)} for the real ones)
   * @param fetcher the safe fetcher addresses are checked with when a connection is made
   */
  public PublishingService(DocumentStore documents, ProjectService projects, Supplier<BlobStore> blobs,
      Supplier<Secrets> secrets, Supplier<TaskQueue> tasks, Supplier<SafeFetcher> fetcher,
      Map<String, Publisher> publishers, Supplier<HookService> hooks, PublishingSettings settings, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.publishers = Map.copyOf(Objects.requireNonNull(publishers, "publishers"));
    this.hooks = Objects.requireNonNull(hooks, "hooks");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The fetcher connectors call through: any public host, https (plain http to loopback when allowed), no redirects. */
  public static SafeFetcher fetcher(PublishingSettings settings) {
    return SafeFetcher.builder().withAllowlist(HostAllowlist.anyHost()).withConnectTimeout(settings.timeout())
        .withTotalTimeout(settings.timeout()).withMaxRedirects(0).withMaxBytes(MAX_ANSWER_BYTES)
        .withPlainHttpToLoopback(settings.allowHttpLoopback()).build();
  }

  /** The three connectors, by channel. */
  public static Map<String, Publisher> publishers(Supplier<SafeFetcher> fetcher, Clock clock) {
    return Map.of(WordPressPublisher.CHANNEL, new WordPressPublisher(fetcher), WebhookPublisher.CHANNEL,
        new WebhookPublisher(fetcher, clock), MastodonPublisher.CHANNEL, new MastodonPublisher(fetcher));
  }

  /** The task handler of publishing, by name, for the local queue and the tasks function. */
  public static Map<String, TaskHandler> handlers(Supplier<PublishingService> publishing) {
    Objects.requireNonNull(publishing, "publishing");
    return Map.of(HANDLER, (context, payload) -> publishing.get().run(payload));
  }

  /** The name of a connection's secret in the secrets port. */
  public static String secretName(String connectionId) {
    return Secrets.checkName("publish-" + connectionId);
  }

  public static Connection connection(Document d) {
    return Json.fromTree(d.data(), Connection.class);
  }

  public static Publication publication(Document d) {
    return Json.fromTree(d.data(), Publication.class);
  }

  // ---- connections ----

  /** What an owner gives to make a connection; {@code secret} is not given for a webhook (one is made). */
  public record ConnectionRequest(String channel, String name, String siteUrl, String username, String secret) {
    @Override
    public String toString() {
      return "ConnectionRequest[" + channel + ", " + name + ", " + siteUrl + ", " + username + ", secret hidden]";
    }
  }

  /** A connection just made; {@code signingSecret} (webhooks only) is shown this once. */
  public record IssuedConnection(Connection connection, String signingSecret) {}

  /** The project's connections, newest first; members may read them (no secret is in them). */
  public List<Connection> connections(String uid, String projectId) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    return documents.query(Query.on(CONNECTIONS).whereEqualTo("projectId", projectId)
        .orderBy("createdAt", Query.Direction.DESCENDING).limit(MAX_CONNECTIONS).build())
        .items().stream().map(PublishingService::connection).toList();
  }

  public IssuedConnection createConnection(String uid, String projectId, ConnectionRequest req) {
    projects.requireRole(uid, projectId, Role.OWNER);
    String channel = req.channel() == null ? "" : req.channel().strip();
    if (!CHANNELS.contains(channel)) {
      throw ApiException.unprocessable("channel", "must be one of " + String.join(", ", CHANNELS));
    }
    String name = req.name() == null ? "" : req.name().strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw ApiException.unprocessable("name", "must be 1 to " + MAX_NAME + " characters");
    }
    String url = checkUrl(req.siteUrl());
    String username = null;
    String secret;
    String shown = null;
    switch (channel) {
      case WordPressPublisher.CHANNEL -> {
        username = req.username() == null ? "" : req.username().strip();
        if (username.isEmpty() || username.length() > 200) {
          throw ApiException.unprocessable("username", "is the WordPress user name, 1 to 200 characters");
        }
        secret = checkSecret(req.secret(), "the application password made under Users → Profile");
      }
      case MastodonPublisher.CHANNEL -> secret = checkSecret(req.secret(),
          "an access token with the write:statuses and write:media scopes");
      default -> {
        if (req.secret() != null) {
          throw ApiException.unprocessable("secret", "is made by the server for a webhook and shown once");
        }
        secret = WebhookSignatures.newSecret();
        shown = secret;
      }
    }
    Instant now = clock.instant();
    String id = Ids.newId();
    Connection c = new Connection(id, projectId, channel, name, url, username,
        secret.substring(Math.max(0, secret.length() - 4)), null, null, uid, now, now);
    try {
      secrets.get().put(secretName(id), secret);
    } catch (IOException e) {
      throw unavailable(e);
    }
    try {
      documents.transaction(tx -> {
        projects.requireRole(tx, uid, projectId, Role.OWNER);
        int count = tx.query(Query.on(CONNECTIONS).whereEqualTo("projectId", projectId).limit(MAX_CONNECTIONS).build())
            .items().size();
        if (count >= MAX_CONNECTIONS) {
          throw ApiException.conflict("A project has at most " + MAX_CONNECTIONS + " connections; delete one first.");
        }
        tx.create(CONNECTIONS, id, Json.toTree(c).getAsJsonObject());
        return null;
      });
    } catch (RuntimeException e) {
      forgetSecret(id);
      throw e;
    }
    Log.info("publishing connection " + id + " (" + channel + ") made in project " + projectId);
    return new IssuedConnection(c, shown);
  }

  /** Deletes the connection and its secret; its publications not yet sent fail when their time comes. */
  public void deleteConnection(String uid, String projectId, String connectionId) {
    projects.requireRole(uid, projectId, Role.OWNER);
    ofProject(projectId, connectionId);
    documents.transaction(tx -> {
      projects.requireRole(tx, uid, projectId, Role.OWNER);
      tx.delete(CONNECTIONS, connectionId);
      return null;
    });
    forgetSecret(connectionId);
    Log.info("publishing connection " + connectionId + " of project " + projectId + " deleted");
  }

  /** Asks the target whether it takes the connection's credentials, posting nothing; the result is kept on the connection. */
  public Connection testConnection(String uid, String projectId, String connectionId) {
    projects.requireRole(uid, projectId, Role.OWNER);
    Connection c = ofProject(projectId, connectionId);
    String result;
    try {
      publisher(c.channel()).check(target(c));
      result = "ok";
    } catch (PublishException e) {
      result = e.getMessage();
    }
    Instant now = clock.instant();
    Connection tested = c.tested(result, now);
    documents.transaction(tx -> {
      if (tx.get(CONNECTIONS, connectionId).isPresent()) {
        tx.set(CONNECTIONS, connectionId, Json.toTree(tested).getAsJsonObject());
      }
      return null;
    });
    return tested;
  }

  // ---- publications ----

  /**
   * What an editor asks for: the connection, {@code draft} or {@code publish}, when (null: now),
   * tags, and an image item of the project to go with a text (the featured image).
   */
  public record PublishRequest(String connectionId, String mode, Instant publishAt, List<String> tags,
      String imageContentId) {}

  /** Publishes the item's current version through the connection, now or at {@code publishAt}. */
  public Publication publish(String uid, String projectId, String contentId, PublishRequest req) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    ContentItem item = item(projectId, contentId).orElseThrow(() -> NO_CONTENT);
    if (item.kind() == ContentKind.VIDEO) {
      throw ApiException.unprocessable("contentId", "a video cannot be published by these connectors; publish a text "
          + "or an image");
    }
    requireApproved(item);
    if (req.connectionId() == null || !Ids.isWellFormed(req.connectionId())) {
      throw ApiException.unprocessable("connectionId", "names no connection of this project");
    }
    Connection c = documents.get(CONNECTIONS, req.connectionId()).map(PublishingService::connection)
        .filter(x -> x.projectId().equals(projectId))
        .orElseThrow(() -> ApiException.unprocessable("connectionId", "names no connection of this project"));
    String mode = req.mode() == null ? Publication.PUBLISH : req.mode();
    if (!mode.equals(Publication.DRAFT) && !mode.equals(Publication.PUBLISH)) {
      throw ApiException.unprocessable("mode", "must be draft or publish");
    }
    if (mode.equals(Publication.DRAFT) && c.channel().equals(MastodonPublisher.CHANNEL)) {
      throw ApiException.unprocessable("mode", "Mastodon has no drafts; publish instead");
    }
    Instant now = clock.instant();
    Instant at = req.publishAt() == null || req.publishAt().isBefore(now) ? now : req.publishAt();
    if (at.isAfter(now.plus(MAX_AHEAD))) {
      throw ApiException.unprocessable("publishAt", "must be within a year from now");
    }
    List<String> tags = checkTags(req.tags());
    String image = null;
    if (req.imageContentId() != null) {
      ContentItem img = item(projectId, req.imageContentId()).filter(x -> x.kind() == ContentKind.IMAGE)
          .orElseThrow(() -> ApiException.unprocessable("imageContentId", "names no image item of this project"));
      image = img.id();
    }
    String id = Ids.newId();
    Publication p = new Publication(id, projectId, contentId, item.title(), item.currentVersion(), c.id(), c.channel(),
        c.name(), mode, Publication.SCHEDULED, at, 0, 0, null, null, null, null, null, tags, image, uid, now, now, null);
    documents.transaction(tx -> {
      projects.requireRole(tx, uid, projectId, Role.EDITOR);
      boolean active = tx.query(Query.on(PUBLICATIONS).whereEqualTo("contentId", contentId).limit(Query.MAX_LIMIT)
          .build()).items().stream().map(PublishingService::publication)
          .anyMatch(x -> x.connectionId().equals(c.id()) && !x.ended());
      if (active) {
        throw ApiException.conflict("This item is already on its way through this connection; cancel that "
            + "publication or wait for it to end.");
      }
      tx.create(PUBLICATIONS, id, Json.toTree(p).getAsJsonObject());
      return null;
    });
    enqueue(id, 0, 1, at);
    Log.info("publication " + id + " of content " + contentId + " through connection " + c.id() + " (" + c.channel()
        + ", " + mode + ") set for " + Json.format(at));
    return p;
  }

  /** The item's publications, newest first. */
  public Listing<Publication> ofContent(String uid, String projectId, String contentId, int limit, String cursor) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    item(projectId, contentId).orElseThrow(() -> NO_CONTENT);
    return list(Query.on(PUBLICATIONS).whereEqualTo("contentId", contentId)
        .orderBy("createdAt", Query.Direction.DESCENDING), limit, cursor);
  }

  /** The project's publications, newest first. */
  public Listing<Publication> ofProject(String uid, String projectId, int limit, String cursor) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    return list(Query.on(PUBLICATIONS).whereEqualTo("projectId", projectId)
        .orderBy("createdAt", Query.Direction.DESCENDING), limit, cursor);
  }

  public Publication get(String uid, String projectId, String publicationId) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    return publicationOf(projectId, publicationId);
  }

  /**
   * Moves a scheduled publication to another time (in the past: now). Tasks queued for the old
   * time do nothing. For the calendar too: a publication dragged to another day.
   *
   * @throws ApiException 409 once it is being published or has ended
   */
  public Publication reschedule(String uid, String projectId, String publicationId, Instant publishAt) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    publicationOf(projectId, publicationId);
    Objects.requireNonNull(publishAt, "publishAt");
    Instant now = clock.instant();
    Instant at = publishAt.isBefore(now) ? now : publishAt;
    if (at.isAfter(now.plus(MAX_AHEAD))) {
      throw ApiException.unprocessable("publishAt", "must be within a year from now");
    }
    Publication moved = documents.transaction(tx -> {
      projects.requireRole(tx, uid, projectId, Role.EDITOR);
      Publication p = tx.get(PUBLICATIONS, publicationId).map(PublishingService::publication)
          .filter(x -> x.projectId().equals(projectId)).orElseThrow(() -> NO_PUBLICATION);
      if (!p.status().equals(Publication.SCHEDULED)) {
        throw ApiException.conflict("Only a scheduled publication can be moved; this one is " + p.status() + ".");
      }
      Publication next = p.with(Publication.SCHEDULED, p.round() + 1, 0, at, null, null, null, null, null, now, null);
      tx.set(PUBLICATIONS, publicationId, Json.toTree(next).getAsJsonObject());
      return next;
    });
    enqueue(publicationId, moved.round(), 1, at);
    return moved;
  }

  /**
   * Cancels a publication not yet sent: a scheduled one, or one waiting for its next try.
   *
   * @throws ApiException 409 while a try is under way or once it has ended
   */
  public Publication cancel(String uid, String projectId, String publicationId) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    publicationOf(projectId, publicationId);
    Instant now = clock.instant();
    Publication canceled = documents.transaction(tx -> {
      projects.requireRole(tx, uid, projectId, Role.EDITOR);
      Publication p = tx.get(PUBLICATIONS, publicationId).map(PublishingService::publication)
          .filter(x -> x.projectId().equals(projectId)).orElseThrow(() -> NO_PUBLICATION);
      boolean waiting = p.status().equals(Publication.SCHEDULED)
          || p.status().equals(Publication.PUBLISHING) && p.leaseUntil() == null;
      if (!waiting) {
        throw ApiException.conflict(p.ended() ? "This publication has ended (" + p.status() + ")."
            : "This publication is being sent right now; wait for it to end.");
      }
      Publication next = p.with(Publication.CANCELED, p.round() + 1, p.attempts(), p.publishAt(), null, null, null,
          null, p.error(), now, null);
      tx.set(PUBLICATIONS, publicationId, Json.toTree(next).getAsJsonObject());
      return next;
    });
    Log.info("publication " + publicationId + " of project " + projectId + " canceled");
    return canceled;
  }

  /** Tries a failed publication again, now: a new round of tries. */
  public Publication retry(String uid, String projectId, String publicationId) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    Publication before = publicationOf(projectId, publicationId);
    ContentItem item = item(projectId, before.contentId()).orElseThrow(() -> NO_CONTENT);
    requireApproved(item);
    Instant now = clock.instant();
    Publication again = documents.transaction(tx -> {
      projects.requireRole(tx, uid, projectId, Role.EDITOR);
      Publication p = tx.get(PUBLICATIONS, publicationId).map(PublishingService::publication)
          .filter(x -> x.projectId().equals(projectId)).orElseThrow(() -> NO_PUBLICATION);
      if (!p.status().equals(Publication.FAILED)) {
        throw ApiException.conflict("Only a failed publication can be tried again; this one is " + p.status() + ".");
      }
      Publication next = p.with(Publication.SCHEDULED, p.round() + 1, 0, now, null, null, null, null, null, now, null);
      tx.set(PUBLICATIONS, publicationId, Json.toTree(next).getAsJsonObject());
      return next;
    });
    enqueue(publicationId, again.round(), 1, now);
    return again;
  }

  /**
   * One project's publications with {@code publishAt} in {@code [from, until)}, earliest first, at
   * most {@code limit} (500 at most), whatever their status; members only (404 otherwise). The
   * calendar's source of publications reads each project of a person through this.
   */
  public List<Publication> inProject(String uid, String projectId, Instant from, Instant until, int limit) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    return until.isAfter(from) ? inWindow(projectId, from, until, Math.max(1, Math.min(limit, Query.MAX_LIMIT)))
        : List.of();
  }

  private List<Publication> inWindow(String projectId, Instant from, Instant until, int cap) {
    return documents.query(Query.on(PUBLICATIONS).whereEqualTo("projectId", projectId)
        .range("publishAt", Json.format(from), Json.format(until))
        .orderBy("publishAt", Query.Direction.ASCENDING).limit(cap).build())
        .items().stream().map(PublishingService::publication).toList();
  }

  // ---- the task ----

  /** A claimed try, a try another delivery holds (until when), or nothing to do. */
  private record Claim(Publication publication, Instant busyUntil) {}

  /** The {@value #HANDLER} task: one try of one publication. */
  void run(JsonObject payload) throws TaskHandler.RetryLaterException {
    String id = payload.get("publicationId").getAsString();
    int round = payload.get("round").getAsInt();
    int attempt = payload.get("attempt").getAsInt();
    Instant now = clock.instant();
    Claim claim = documents.transaction(tx -> {
      Optional<Publication> found = tx.get(PUBLICATIONS, id).map(PublishingService::publication);
      if (found.isEmpty() || found.get().round() != round || found.get().ended()) {
        return new Claim(null, null);
      }
      Publication p = found.get();
      boolean publishing = p.status().equals(Publication.PUBLISHING);
      boolean leased = publishing && p.leaseUntil() != null;
      if (leased && p.attempts() == attempt && p.leaseUntil().isAfter(now)) {
        return new Claim(null, p.leaseUntil());
      }
      boolean fresh = p.attempts() == attempt - 1 && (p.status().equals(Publication.SCHEDULED) || publishing && !leased);
      boolean takeOver = leased && p.attempts() == attempt;
      if (!fresh && !takeOver) {
        return new Claim(null, null);
      }
      Publication claimed = p.with(Publication.PUBLISHING, round, attempt, p.publishAt(), now.plus(settings.lease()),
          null, null, null, p.error(), now, null);
      tx.set(PUBLICATIONS, id, Json.toTree(claimed).getAsJsonObject());
      return new Claim(claimed, null);
    });
    if (claim.busyUntil() != null) {
      throw new TaskHandler.RetryLaterException("another try of publication " + id + " is under way",
          Duration.between(now, claim.busyUntil()).plusSeconds(1));
    }
    Publication p = claim.publication();
    if (p == null) {
      return;
    }
    try {
      Publisher.Result result;
      try {
        result = send(p);
      } catch (RuntimeException e) {
        // A fault of ours (storage, a bug): tried again like a failure that may pass, so the
        // publication never stays claimed with no task left to end it.
        Log.error("publication " + id + " try " + attempt + " broke", e);
        throw new PublishException("Something went wrong on our side while publishing.", true, 0);
      }
      end(p, Publication.PUBLISHED, result.remoteId(), result.remoteUrl(), null);
    } catch (PublishException e) {
      if (e.retryable() && attempt < settings.maxAttempts()) {
        waitForNextTry(p, e.getMessage());
      } else {
        String reason = e.retryable() ? sentence(e.getMessage()) + " Gave up after " + attempt + " tries."
            : e.getMessage();
        end(p, Publication.FAILED, null, null, reason);
      }
    }
  }

  /** One try: the connection, its secret, the item's version, its image; then the connector. */
  private Publisher.Result send(Publication p) throws PublishException {
    if (documents.get(ProjectService.PROJECTS, p.projectId()).isEmpty()) {
      throw new PublishException("The project was deleted.", false, 0);
    }
    Connection c = documents.get(CONNECTIONS, p.connectionId()).map(PublishingService::connection)
        .orElseThrow(() -> new PublishException("The connection " + p.connectionName() + " was deleted.", false, 0));
    ContentItem item = item(p.projectId(), p.contentId())
        .orElseThrow(() -> new PublishException("The content item was deleted.", false, 0));
    if (item.reviewStatus() == ReviewStatus.IN_REVIEW || item.reviewStatus() == ReviewStatus.CHANGES_REQUESTED) {
      throw new PublishException("The item went back to review (" + item.reviewStatus().wireName()
          + "); publish it again once it is approved.", false, 0);
    }
    ContentVersion v = documents.get(ContentService.VERSIONS, ContentVersion.documentId(p.contentId(),
        p.versionNumber())).map(ContentService::version)
        .orElseThrow(() -> new PublishException("The version " + p.versionNumber() + " of the item is gone.", false, 0));
    String markdown = item.kind() == ContentKind.TEXT && v.text() != null ? v.text() : "";
    Publisher.Image image = null;
    if (item.kind() == ContentKind.IMAGE) {
      image = image(v, item.title());
    } else if (p.imageContentId() != null) {
      Optional<ContentItem> img = item(p.projectId(), p.imageContentId());
      if (img.isEmpty()) {
        throw new PublishException("The featured image item was deleted.", false, 0);
      }
      ContentVersion iv = documents.get(ContentService.VERSIONS, ContentVersion.documentId(img.get().id(),
          img.get().currentVersion())).map(ContentService::version)
          .orElseThrow(() -> new PublishException("The featured image has no version.", false, 0));
      image = image(iv, img.get().title());
    }
    Publisher.Post post = new Publisher.Post(p.id(), item.title(), markdown, Markdown.html(markdown),
        Markdown.text(markdown), p.tags(), image, p.mode().equals(Publication.DRAFT));
    return publisher(c.channel()).publish(target(c), post);
  }

  private Publisher.Image image(ContentVersion v, String title) throws PublishException {
    if (v.blobKey() == null) {
      throw new PublishException("The image has no stored file.", false, 0);
    }
    try {
      Optional<InputStream> in = blobs.get().open(v.blobKey());
      if (in.isEmpty()) {
        throw new PublishException("The image's file is gone.", false, 0);
      }
      byte[] bytes;
      try (InputStream s = in.get()) {
        bytes = s.readNBytes((int) MAX_IMAGE_BYTES + 1);
      }
      if (bytes.length > MAX_IMAGE_BYTES) {
        throw new PublishException("The image is larger than " + MAX_IMAGE_BYTES / (1024 * 1024) + " MiB.", false, 0);
      }
      String type = v.contentType() == null ? "application/octet-stream" : v.contentType();
      String ext = type.startsWith("image/") ? type.substring(6).replaceAll("[^a-z0-9]", "") : "bin";
      String base = title == null ? "" : title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
          .replaceAll("(^-+|-+$)", "");
      base = base.isEmpty() ? "image" : base.length() > 40 ? base.substring(0, 40) : base;
      return new Publisher.Image(bytes, type, base + "." + (ext.isEmpty() ? "bin" : ext));
    } catch (IOException e) {
      throw new PublishException("The image could not be read from storage.", true, 0);
    }
  }

  private void waitForNextTry(Publication p, String reason) {
    Instant now = clock.instant();
    Instant next = now.plus(settings.backoff(p.attempts()));
    boolean ours = documents.transaction(tx -> {
      Optional<Publication> found = tx.get(PUBLICATIONS, p.id()).map(PublishingService::publication);
      if (found.isEmpty() || !isOurs(found.get(), p)) {
        return false;
      }
      tx.set(PUBLICATIONS, p.id(), Json.toTree(p.with(Publication.PUBLISHING, p.round(), p.attempts(), p.publishAt(),
          null, next, null, null, sentence(reason) + " Trying again (try " + (p.attempts() + 1) + " of " + settings.maxAttempts()
          + ").", now, null)).getAsJsonObject());
      return true;
    });
    if (ours) {
      enqueue(p.id(), p.round(), p.attempts() + 1, next);
      Log.warning("publication " + p.id() + " try " + p.attempts() + " failed, trying again: " + reason);
    }
  }

  private void end(Publication p, String status, String remoteId, String remoteUrl, String error) {
    Instant now = clock.instant();
    boolean ours = documents.transaction(tx -> {
      Optional<Publication> found = tx.get(PUBLICATIONS, p.id()).map(PublishingService::publication);
      if (found.isEmpty() || !isOurs(found.get(), p)) {
        return false;
      }
      tx.set(PUBLICATIONS, p.id(), Json.toTree(p.with(status, p.round(), p.attempts(), p.publishAt(), null, null,
          remoteId, remoteUrl, error, now, status.equals(Publication.PUBLISHED) ? now : null)).getAsJsonObject());
      return true;
    });
    if (!ours) {
      return;
    }
    boolean ok = status.equals(Publication.PUBLISHED);
    if (ok) {
      Log.info("publication " + p.id() + " published through " + p.channel() + " as " + remoteId);
    } else {
      Log.warning("publication " + p.id() + " failed: " + error);
    }
    JsonObject data = new JsonObject();
    data.addProperty("publicationId", p.id());
    data.addProperty("contentId", p.contentId());
    data.addProperty("connectionId", p.connectionId());
    data.addProperty("channel", p.channel());
    data.addProperty("mode", p.mode());
    data.addProperty("status", status);
    if (ok) {
      data.addProperty("remoteId", remoteId);
      data.addProperty("remoteUrl", remoteUrl);
    } else {
      data.addProperty("error", error);
    }
    hooks.get().emit(p.projectId(), ok ? HookEventType.PUBLISH_SUCCEEDED : HookEventType.PUBLISH_FAILED,
        "publication/" + p.id() + "/" + p.round(), data);
  }

  /** Whether the stored publication is still the try {@code p} claimed. */
  private static boolean isOurs(Publication stored, Publication p) {
    return stored.round() == p.round() && stored.attempts() == p.attempts()
        && stored.status().equals(Publication.PUBLISHING);
  }

  private void enqueue(String publicationId, int round, int attempt, Instant when) {
    JsonObject p = new JsonObject();
    p.addProperty("publicationId", publicationId);
    p.addProperty("round", round);
    p.addProperty("attempt", attempt);
    tasks.get().enqueue(new TaskQueue.Task(QUEUE, "pub-" + publicationId + "-" + round + "-" + attempt, HANDLER, p,
        when));
  }

  // ---- project deletion ----

  /**
   * Forgets the secrets of a deleted project's connections (its documents go with the project's
   * purge; a publication of it that comes due finds no project and fails).
   */
  public void forgetSecrets(String projectId) {
    for (Document d : documents.query(Query.on(CONNECTIONS).whereEqualTo("projectId", projectId)
        .limit(MAX_CONNECTIONS * 5).build()).items()) {
      forgetSecret(d.id());
    }
  }

  // ---- helpers ----

  /** A page of publications by {@code q}, which names its order (newest first) where the index check can read it. */
  private Listing<Publication> list(Query.Builder q, int limit, String cursor) {
    Page page;
    try {
      page = documents.query(q.limit(limit).startAfter(cursor).build());
    } catch (InvalidCursorException e) {
      throw ApiException.badRequest("cursor", "is not a cursor this list gave out; start again without it");
    }
    return new Listing<>(page.items().stream().map(PublishingService::publication).toList(), page.nextCursor());
  }

  private Publisher publisher(String channel) throws PublishException {
    Publisher p = publishers.get(channel);
    if (p == null) {
      throw new PublishException("This server has no connector for " + channel + ".", false, 0);
    }
    return p;
  }

  private Publisher.Target target(Connection c) throws PublishException {
    try {
      String secret = secrets.get().get(secretName(c.id())).orElseThrow(() -> new PublishException(
          "The secret of the connection " + c.name() + " is missing; make the connection again.", false, 0));
      return new Publisher.Target(c.siteUrl(), c.username(), secret);
    } catch (IOException e) {
      throw new PublishException("The connection's secret could not be read just now.", true, 0);
    }
  }

  private static void requireApproved(ContentItem item) {
    if (item.reviewStatus() == ReviewStatus.IN_REVIEW || item.reviewStatus() == ReviewStatus.CHANGES_REQUESTED) {
      throw ApiException.conflict("This item is in review (" + item.reviewStatus().wireName()
          + "); it can be published once it is approved.");
    }
  }

  private Optional<ContentItem> item(String projectId, String contentId) {
    if (!Ids.isWellFormed(contentId)) {
      return Optional.empty();
    }
    return documents.get(ContentService.CONTENTS, contentId).map(ContentService::content)
        .filter(c -> c.projectId().equals(projectId));
  }

  private Connection ofProject(String projectId, String connectionId) {
    if (!Ids.isWellFormed(connectionId)) {
      throw NO_CONNECTION;
    }
    return documents.get(CONNECTIONS, connectionId).map(PublishingService::connection)
        .filter(c -> c.projectId().equals(projectId)).orElseThrow(() -> NO_CONNECTION);
  }

  private Publication publicationOf(String projectId, String publicationId) {
    if (!Ids.isWellFormed(publicationId)) {
      throw NO_PUBLICATION;
    }
    return documents.get(PUBLICATIONS, publicationId).map(PublishingService::publication)
        .filter(p -> p.projectId().equals(projectId)).orElseThrow(() -> NO_PUBLICATION);
  }

  /** The address, checked as a call would check it (resolving its host now); 422 when refused. */
  private String checkUrl(String url) {
    String u = url == null ? "" : url.strip();
    if (u.isEmpty() || u.length() > MAX_URL) {
      throw ApiException.unprocessable("siteUrl", "must be an address of 1 to " + MAX_URL + " characters");
    }
    try {
      URI uri = new URI(u);
      if (uri.getFragment() != null || uri.getRawQuery() != null) {
        throw ApiException.unprocessable("siteUrl", "must not have a query (?...) or fragment (#...)");
      }
    } catch (URISyntaxException e) {
      throw ApiException.unprocessable("siteUrl", "is not an address: " + e.getReason());
    }
    try {
      fetcher.get().check(u);
    } catch (RefusedAddressException e) {
      Log.warning("refused a publishing connection's address: " + e.getMessage());
      throw ApiException.unprocessable("siteUrl", "This address is not allowed: " + e.reason());
    } catch (FetchException e) {
      throw ApiException.unprocessable("siteUrl", "The address's host does not resolve.");
    }
    return u;
  }

  private static String checkSecret(String secret, String what) {
    String s = secret == null ? "" : secret.strip();
    if (s.length() < 8 || s.length() > MAX_SECRET) {
      throw ApiException.unprocessable("secret", "is " + what + ", 8 to " + MAX_SECRET + " characters");
    }
    return s;
  }

  private static List<String> checkTags(List<String> tags) {
    if (tags == null) {
      return List.of();
    }
    if (tags.size() > MAX_TAGS) {
      throw ApiException.unprocessable("tags", "holds at most " + MAX_TAGS + " tags");
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String t : tags) {
      String s = t == null ? "" : t.strip();
      if (s.isEmpty() || s.length() > MAX_TAG) {
        throw ApiException.unprocessable("tags", "each tag is 1 to " + MAX_TAG + " characters");
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  private void forgetSecret(String connectionId) {
    try {
      secrets.get().delete(secretName(connectionId));
    } catch (IOException | RuntimeException e) {
      Log.error("could not forget the secret of publishing connection " + connectionId, e);
    }
  }

  /** The reason as a sentence: with a full stop at its end when it has none. */
  static String sentence(String reason) {
    String r = reason.strip();
    return r.endsWith(".") || r.endsWith("!") || r.endsWith("?") || r.endsWith("…") ? r : r + ".";
  }

  private static ApiException unavailable(IOException e) {
    Log.error("the secrets store could not be used", e);
    return ApiException.of(503, "secrets-unavailable", "Secrets cannot be reached",
        "The store of connections' secrets is not answering; try again in a moment.");
  }
}
