package dev.contentcreator.core.hooks;

import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.net.FetchException;
import dev.contentcreator.core.net.RefusedAddressException;
import dev.contentcreator.core.net.SafeFetcher;
import dev.contentcreator.core.net.UpstreamException;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.InvalidCursorException;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.core.projects.Listing;
import dev.contentcreator.core.projects.ProjectService;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Outbound webhooks: a project's owners subscribe an https address to events, and each event is
 * sent there as a signed message (Standard Webhooks: {@link WebhookSignatures}).
 *
 * <p>Nothing is sent inline. {@link #emit} (called where the event happens) queues one
 * {@value #EVENT_HANDLER} task named after the event, so an event emitted twice is sent once; that
 * task makes one delivery per hook that wants the event ({@code hookdeliveries}, its body fixed
 * then) and queues a {@value #DELIVER_HANDLER} task for each. A delivery task posts the body, signed
 * with a fresh timestamp, through the {@link SafeFetcher} (the address is checked and resolved
 * again at each attempt, and the connection made to the vetted address), logs the attempt, and on
 * a non-2xx answer, no answer or a timeout queues the next attempt after the backoff, until
 * {@link HookSettings#maxAttempts()}; then the delivery is failed, and a hook whose messages failed
 * {@link HookSettings#disableAfter()} times in a row is switched off. An address refused at
 * delivery (its name now resolves to a private address) fails the delivery at once. Owners may
 * send a delivery again (a new round of attempts, the same message id).
 */
public final class HookService {
  public static final String HOOKS = "hooks";
  public static final String DELIVERIES = "hookdeliveries";
  public static final String EVENT_HANDLER = "hook-event";
  public static final String DELIVER_HANDLER = "deliver-webhook";
  /** Webhook tasks share the queue every adapter and the tasks function already serve. */
  public static final String QUEUE = GenerationSettings.QUEUE;
  public static final int MAX_HOOKS = 20;
  public static final int MAX_URL = 2048;
  public static final int MAX_DESCRIPTION = 200;
  public static final int EXCERPT_BYTES = 1024;
  public static final int MAX_LOGGED_ATTEMPTS = 20;
  static final String USER_AGENT = "content-creator-webhooks/1";
  private static final ApiException NOT_FOUND = ApiException.notFound("No such webhook in this project.");

  private final DocumentStore documents;
  private final ProjectService projects;
  private final Supplier<TaskQueue> tasks;
  private final Supplier<SafeFetcher> sender;
  private final HookSettings settings;
  private final Clock clock;

  public HookService(DocumentStore documents, ProjectService projects, Supplier<TaskQueue> tasks,
      Supplier<SafeFetcher> sender, HookSettings settings, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The fetcher webhooks are sent with: any public host, https only (plain http to loopback when allowed). */
  public static SafeFetcher sender(HookSettings settings) {
    return SafeFetcher.builder().withAllowlist(dev.contentcreator.core.net.HostAllowlist.anyHost())
        .withConnectTimeout(settings.timeout()).withTotalTimeout(settings.timeout()).withMaxRedirects(0)
        .withPlainHttpToLoopback(settings.allowHttpLoopback()).build();
  }

  /** The task handlers of webhooks, by name, for the local queue and the tasks function. */
  public static Map<String, TaskHandler> handlers(Supplier<HookService> hooks) {
    Objects.requireNonNull(hooks, "hooks");
    return Map.of(EVENT_HANDLER, (context, payload) -> hooks.get().fanOut(payload),
        DELIVER_HANDLER, (context, payload) -> hooks.get().deliver(payload));
  }

  public static Hook hook(Document d) {
    return Json.fromTree(d.data(), Hook.class);
  }

  public static HookDelivery delivery(Document d) {
    return Json.fromTree(d.data(), HookDelivery.class);
  }

  // ---- owners ----

  /** What an owner asks for; for a change, a null field is left as it is. */
  public record Request(String url, List<String> events, String description, Boolean enabled) {}

  public Listing<HookView> list(String uid, String projectId, int limit, String cursor) {
    projects.requireRole(uid, projectId, Role.OWNER);
    Page page;
    try {
      page = documents.query(Query.on(HOOKS).whereEqualTo("projectId", projectId)
          .orderBy("createdAt", Query.Direction.DESCENDING).limit(limit).startAfter(cursor).build());
    } catch (InvalidCursorException e) {
      throw ApiException.badRequest("cursor", "is not a cursor this list gave out; start again without it");
    }
    Instant now = clock.instant();
    return new Listing<>(page.items().stream().map(HookService::hook).map(h -> HookView.of(h, now)).toList(),
        page.nextCursor());
  }

  /** Makes a hook; the answer carries its secret, this once. */
  public IssuedHook create(String uid, String projectId, Request req) {
    projects.requireRole(uid, projectId, Role.OWNER);
    String url = checkUrl(Objects.requireNonNull(req.url(), "url"));
    List<String> events = checkEvents(req.events());
    Instant now = clock.instant();
    String secret = WebhookSignatures.newSecret();
    Hook made = documents.transaction(tx -> {
      projects.requireRole(tx, uid, projectId, Role.OWNER);
      int count = tx.query(Query.on(HOOKS).whereEqualTo("projectId", projectId).limit(MAX_HOOKS).build()).items().size();
      if (count >= MAX_HOOKS) {
        throw ApiException.conflict("A project has at most " + MAX_HOOKS + " webhooks; delete one first.");
      }
      Hook h = new Hook(Ids.newId(), projectId, url, events, description(req.description()),
          req.enabled() == null || req.enabled(), null, secret, null, null, 0, uid, now, now);
      tx.create(HOOKS, h.id(), Json.toTree(h).getAsJsonObject());
      return h;
    });
    Log.info("webhook " + made.id() + " made in project " + projectId + " for " + made.events());
    return new IssuedHook(HookView.of(made, now), secret);
  }

  public HookView get(String uid, String projectId, String hookId) {
    projects.requireRole(uid, projectId, Role.OWNER);
    return HookView.of(ofProject(projectId, hookId), clock.instant());
  }

  /** Changes what is given; switching a hook on again clears its failure streak. */
  public HookView update(String uid, String projectId, String hookId, Request req) {
    projects.requireRole(uid, projectId, Role.OWNER);
    ofProject(projectId, hookId);
    String url = req.url() == null ? null : checkUrl(req.url());
    List<String> events = req.events() == null ? null : checkEvents(req.events());
    Instant now = clock.instant();
    Hook changed = documents.transaction(tx -> {
      projects.requireRole(tx, uid, projectId, Role.OWNER);
      Hook h = tx.get(HOOKS, hookId).map(HookService::hook).filter(x -> x.projectId().equals(projectId))
          .orElseThrow(() -> NOT_FOUND);
      boolean enabled = req.enabled() == null ? h.enabled() : req.enabled();
      boolean reenabled = enabled && !h.enabled();
      Hook next = h.with(url == null ? h.url() : url, events == null ? h.events() : events,
          req.description() == null ? h.description() : description(req.description()), enabled,
          enabled ? null : h.disabledReason(), reenabled ? 0 : h.failureStreak(), now);
      tx.set(HOOKS, hookId, Json.toTree(next).getAsJsonObject());
      return next;
    });
    return HookView.of(changed, now);
  }

  /** Deletes the hook and its delivery log; nothing more is sent to it. */
  public void delete(String uid, String projectId, String hookId) {
    projects.requireRole(uid, projectId, Role.OWNER);
    ofProject(projectId, hookId);
    documents.transaction(tx -> {
      projects.requireRole(tx, uid, projectId, Role.OWNER);
      tx.delete(HOOKS, hookId);
      return null;
    });
    deleteDeliveries(hookId);
  }

  /** A new secret; the previous one still signs for {@link HookSettings#secretGrace()}. */
  public IssuedHook rotate(String uid, String projectId, String hookId) {
    projects.requireRole(uid, projectId, Role.OWNER);
    ofProject(projectId, hookId);
    Instant now = clock.instant();
    String secret = WebhookSignatures.newSecret();
    Hook rotated = documents.transaction(tx -> {
      projects.requireRole(tx, uid, projectId, Role.OWNER);
      Hook h = tx.get(HOOKS, hookId).map(HookService::hook).filter(x -> x.projectId().equals(projectId))
          .orElseThrow(() -> NOT_FOUND);
      Hook next = h.rotated(secret, now.plus(settings.secretGrace()), now);
      tx.set(HOOKS, hookId, Json.toTree(next).getAsJsonObject());
      return next;
    });
    Log.info("webhook " + hookId + " of project " + projectId + " has a new secret");
    return new IssuedHook(HookView.of(rotated, now), secret);
  }

  /** Sends a {@code ping} to the hook (whatever it subscribes to), as a delivery of its own. */
  public HookDelivery test(String uid, String projectId, String hookId) {
    projects.requireRole(uid, projectId, Role.OWNER);
    Hook h = ofProject(projectId, hookId);
    if (!h.enabled()) {
      throw ApiException.conflict("This webhook is switched off; switch it on to send to it.");
    }
    Instant now = clock.instant();
    JsonObject data = new JsonObject();
    data.addProperty("projectId", projectId);
    data.addProperty("hookId", hookId);
    data.addProperty("requestedBy", uid);
    String eventId = "ping-" + Ids.newId();
    HookDelivery d = newDelivery(h, eventId, HookEventType.PING.wireName(), envelope(HookEventType.PING.wireName(),
        eventId, now, data), now);
    documents.create(DELIVERIES, d.id(), Json.toTree(d).getAsJsonObject());
    enqueueAttempt(d.id(), 0, 1, now);
    return d;
  }

  public Listing<HookDelivery> deliveries(String uid, String projectId, String hookId, int limit, String cursor) {
    projects.requireRole(uid, projectId, Role.OWNER);
    ofProject(projectId, hookId);
    Page page;
    try {
      page = documents.query(Query.on(DELIVERIES).whereEqualTo("hookId", hookId)
          .orderBy("createdAt", Query.Direction.DESCENDING).limit(limit).startAfter(cursor).build());
    } catch (InvalidCursorException e) {
      throw ApiException.badRequest("cursor", "is not a cursor this list gave out; start again without it");
    }
    return new Listing<>(page.items().stream().map(HookService::delivery).toList(), page.nextCursor());
  }

  /** Sends a delivery again: a new round of attempts with the same message id and body. */
  public HookDelivery resend(String uid, String projectId, String hookId, String deliveryId) {
    projects.requireRole(uid, projectId, Role.OWNER);
    Hook h = ofProject(projectId, hookId);
    if (!h.enabled()) {
      throw ApiException.conflict("This webhook is switched off; switch it on to send to it.");
    }
    if (!Ids.isWellFormed(deliveryId)) {
      throw ApiException.notFound("No such delivery of this webhook.");
    }
    Instant now = clock.instant();
    HookDelivery next = documents.transaction(tx -> {
      HookDelivery d = tx.get(DELIVERIES, deliveryId).map(HookService::delivery)
          .filter(x -> x.hookId().equals(hookId) && x.projectId().equals(projectId))
          .orElseThrow(() -> ApiException.notFound("No such delivery of this webhook."));
      if (d.status().equals(HookDelivery.PENDING)) {
        throw ApiException.conflict("This delivery is still being tried; wait for it to end.");
      }
      HookDelivery again = new HookDelivery(d.id(), d.hookId(), d.projectId(), d.eventId(), d.type(), d.body(),
          HookDelivery.PENDING, d.round() + 1, d.attemptCount(), d.lastStatusCode(), d.lastError(), d.lastAttemptAt(),
          now, d.createdAt(), now, d.attempts());
      tx.set(DELIVERIES, d.id(), Json.toTree(again).getAsJsonObject());
      return again;
    });
    enqueueAttempt(next.id(), next.round(), 1, now);
    Log.info("webhook delivery " + deliveryId + " of hook " + hookId + " is sent again (round " + next.round() + ")");
    return next;
  }

  // ---- events ----

  /**
   * Queues the event for the project's hooks; never throws and never waits for a receiver, so the
   * path it is called from is not slowed by more than one task write. {@code eventKey} names the
   * event uniquely (an event emitted twice under one key is sent once).
   */
  public void emit(String projectId, HookEventType type, String eventKey, JsonObject data) {
    try {
      Instant now = clock.instant();
      String eventId = "evt-" + digest(type.wireName() + "/" + eventKey).substring(0, 32);
      JsonObject payload = new JsonObject();
      payload.addProperty("eventId", eventId);
      payload.addProperty("projectId", projectId);
      payload.addProperty("type", type.wireName());
      payload.addProperty("at", Json.format(now));
      payload.add("data", data);
      tasks.get().enqueue(new TaskQueue.Task(QUEUE, "hev-" + eventId.substring(4), EVENT_HANDLER, payload, now));
    } catch (RuntimeException e) {
      Log.error("could not queue the " + type.wireName() + " event of project " + projectId + " for its webhooks", e);
    }
  }

  /** The {@value #EVENT_HANDLER} task: one delivery per hook that wants the event. */
  void fanOut(JsonObject payload) {
    String projectId = payload.get("projectId").getAsString();
    String type = payload.get("type").getAsString();
    String eventId = payload.get("eventId").getAsString();
    Instant at = Instant.parse(payload.get("at").getAsString());
    JsonObject data = payload.getAsJsonObject("data").deepCopy();
    data.addProperty("projectId", projectId);
    String body = envelope(type, eventId, at, data);
    List<Hook> wanting = documents.query(Query.on(HOOKS).whereEqualTo("projectId", projectId).limit(MAX_HOOKS).build())
        .items().stream().map(HookService::hook).filter(h -> h.wants(type)).toList();
    Instant now = clock.instant();
    for (Hook h : wanting) {
      HookDelivery d = newDelivery(h, eventId, type, body, now);
      documents.transaction(tx -> {
        if (tx.get(DELIVERIES, d.id()).isEmpty()) {
          tx.create(DELIVERIES, d.id(), Json.toTree(d).getAsJsonObject());
        }
        return null;
      });
      // Queued even when a re-run of this task finds the delivery made: the first run may have
      // stopped between the two, and the task's name makes a second one for the same attempt nothing.
      enqueueAttempt(d.id(), 0, 1, now);
    }
  }

  /** The {@value #DELIVER_HANDLER} task: one attempt of one delivery. */
  void deliver(JsonObject payload) {
    String deliveryId = payload.get("deliveryId").getAsString();
    int round = payload.get("round").getAsInt();
    int attempt = payload.get("attempt").getAsInt();
    Optional<HookDelivery> found = documents.get(DELIVERIES, deliveryId).map(HookService::delivery);
    if (found.isEmpty() || found.get().round() != round || !found.get().status().equals(HookDelivery.PENDING)) {
      return; // deleted with its hook, or a task of an earlier round
    }
    HookDelivery d = found.get();
    Optional<Hook> hook = documents.get(HOOKS, d.hookId()).map(HookService::hook);
    if (hook.isEmpty() || !hook.get().enabled()) {
      // Not the receiver's failure: the delivery ends without counting in the hook's streak.
      record(d.id(), round, new HookDelivery.Attempt(clock.instant(), round, attempt, null, 0, "failed", null,
          hook.isEmpty() ? "the webhook was deleted" : "the webhook is switched off"), HookDelivery.FAILED, null);
      return;
    }
    Hook h = hook.get();
    Instant sentAt = clock.instant();
    byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("webhook-id", d.messageId());
    long timestamp = sentAt.getEpochSecond();
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put("webhook-signature", WebhookSignatures.header(h.signingSecrets(sentAt), d.messageId(), timestamp, body));
    long started = System.nanoTime();
    Integer status = null;
    String excerpt = null;
    String error = null;
    boolean refused = false;
    try {
      SafeFetcher.Answer answer = sender.get().post(h.url(), headers, body, USER_AGENT, EXCERPT_BYTES);
      status = answer.status();
      excerpt = excerpt(answer.excerpt());
      if (status < 200 || status > 299) {
        error = "the receiver answered " + status;
      }
    } catch (RefusedAddressException e) {
      refused = true;
      error = "refused: " + e.reason();
      Log.warning("webhook delivery " + deliveryId + " refused: " + e.getMessage());
    } catch (UpstreamException e) {
      error = switch (e.reason()) {
        case TIMEOUT -> "no answer within " + settings.timeout();
        case UNREACHABLE -> "could not connect";
        default -> "a broken answer";
      };
    } catch (FetchException e) {
      error = e.getMessage();
    }
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    if (error == null) {
      finish(d, round, attempt, status, millis, "succeeded", excerpt, null, true);
    } else if (refused) {
      finish(d, round, attempt, status, millis, "refused", excerpt, error, false);
    } else if (attempt >= settings.maxAttempts()) {
      finish(d, round, attempt, status, millis, "failed", excerpt, error, false);
    } else {
      Instant next = clock.instant().plus(settings.backoff(attempt));
      record(d.id(), round, new HookDelivery.Attempt(sentAt, round, attempt, status, millis, "retrying", excerpt, error),
          HookDelivery.PENDING, next);
      enqueueAttempt(d.id(), round, attempt + 1, next);
    }
  }

  /** Logs the last attempt of a round, ends the delivery and counts it in the hook's failure streak. */
  private void finish(HookDelivery d, int round, int attempt, Integer status, long millis, String outcome,
      String excerpt, String error, boolean ok) {
    Instant now = clock.instant();
    record(d.id(), round, new HookDelivery.Attempt(now, round, attempt, status, millis, outcome, excerpt, error),
        ok ? HookDelivery.SUCCEEDED : HookDelivery.FAILED, null);
    documents.transaction(tx -> {
      Optional<Hook> found = tx.get(HOOKS, d.hookId()).map(HookService::hook);
      if (found.isEmpty()) {
        return null;
      }
      Hook h = found.get();
      if (ok) {
        if (h.failureStreak() != 0) {
          tx.set(HOOKS, h.id(), Json.toTree(h.with(h.url(), h.events(), h.description(), h.enabled(),
              h.disabledReason(), 0, now)).getAsJsonObject());
        }
        return null;
      }
      int streak = h.failureStreak() + 1;
      boolean off = h.enabled() && settings.disableAfter() > 0 && streak >= settings.disableAfter();
      tx.set(HOOKS, h.id(), Json.toTree(h.with(h.url(), h.events(), h.description(), h.enabled() && !off,
          off ? streak + " messages in a row failed" : h.disabledReason(), streak, now)).getAsJsonObject());
      if (off) {
        Log.warning("webhook " + h.id() + " of project " + h.projectId() + " is switched off after " + streak
            + " failed messages in a row");
      }
      return null;
    });
  }

  private void record(String deliveryId, int round, HookDelivery.Attempt attempt, String status, Instant next) {
    Instant now = clock.instant();
    documents.transaction(tx -> {
      Optional<HookDelivery> found = tx.get(DELIVERIES, deliveryId).map(HookService::delivery);
      if (found.isEmpty() || found.get().round() != round) {
        return null;
      }
      HookDelivery d = found.get();
      List<HookDelivery.Attempt> log = new ArrayList<>(d.attempts());
      log.add(attempt);
      while (log.size() > MAX_LOGGED_ATTEMPTS) {
        log.remove(0);
      }
      HookDelivery after = new HookDelivery(d.id(), d.hookId(), d.projectId(), d.eventId(), d.type(), d.body(), status,
          d.round(), d.attemptCount() + 1, attempt.statusCode(), attempt.error(), attempt.at(), next, d.createdAt(), now,
          log);
      tx.set(DELIVERIES, d.id(), Json.toTree(after).getAsJsonObject());
      return null;
    });
  }

  private void enqueueAttempt(String deliveryId, int round, int attempt, Instant when) {
    JsonObject p = new JsonObject();
    p.addProperty("deliveryId", deliveryId);
    p.addProperty("round", round);
    p.addProperty("attempt", attempt);
    tasks.get().enqueue(new TaskQueue.Task(QUEUE, "hd-" + deliveryId + "-" + round + "-" + attempt, DELIVER_HANDLER,
        p, when));
  }

  private static HookDelivery newDelivery(Hook h, String eventId, String type, String body, Instant now) {
    String id = digest(eventId + "/" + h.id()).substring(0, 40);
    return new HookDelivery(id, h.id(), h.projectId(), eventId, type, body, HookDelivery.PENDING, 0, 0, null, null,
        null, now, now, now, List.of());
  }

  /** The message body: the event's type, when it happened, and its data (Standard Webhooks' suggested shape). */
  static String envelope(String type, String eventId, Instant at, JsonObject data) {
    JsonObject o = new JsonObject();
    o.addProperty("type", type);
    o.addProperty("timestamp", Json.format(at));
    o.addProperty("eventId", eventId);
    o.add("data", data);
    return o.toString();
  }

  private static String excerpt(byte[] bytes) {
    String s = new String(bytes, StandardCharsets.UTF_8);
    // A multi-byte character cut at the cap decodes to U+FFFD; drop it.
    return s.endsWith("\uFFFD") && bytes.length >= EXCERPT_BYTES ? s.substring(0, s.length() - 1) : s;
  }

  private void deleteDeliveries(String hookId) {
    try {
      for (int pages = 0; pages < 100; pages++) {
        List<Document> page = documents.query(Query.on(DELIVERIES).whereEqualTo("hookId", hookId).limit(200).build())
            .items();
        if (page.isEmpty()) {
          return;
        }
        documents.transaction(tx -> {
          page.forEach(d -> tx.delete(DELIVERIES, d.id()));
          return null;
        });
      }
    } catch (RuntimeException e) {
      Log.error("could not delete every delivery of the deleted webhook " + hookId, e);
    }
  }

  private Hook ofProject(String projectId, String hookId) {
    if (!Ids.isWellFormed(hookId)) {
      throw NOT_FOUND;
    }
    return documents.get(HOOKS, hookId).map(HookService::hook).filter(h -> h.projectId().equals(projectId))
        .orElseThrow(() -> NOT_FOUND);
  }

  /** The address, checked as a delivery would check it (resolving its host now); 422 when refused. */
  private String checkUrl(String url) {
    String u = url.trim();
    if (u.isEmpty() || u.length() > MAX_URL) {
      throw ApiException.unprocessable("url", "must be an address of 1 to " + MAX_URL + " characters");
    }
    try {
      URI uri = new URI(u);
      if (uri.getFragment() != null) {
        throw ApiException.unprocessable("url", "must not have a fragment (#...)");
      }
    } catch (URISyntaxException e) {
      throw ApiException.unprocessable("url", "is not an address: " + e.getReason());
    }
    try {
      sender.get().check(u);
    } catch (RefusedAddressException e) {
      Log.warning("refused a webhook address: " + e.getMessage());
      throw ApiException.unprocessable("url", "This address is not allowed: " + e.reason());
    } catch (FetchException e) {
      throw ApiException.unprocessable("url", "The address's host does not resolve.");
    }
    return u;
  }

  private static List<String> checkEvents(List<String> events) {
    if (events == null || events.isEmpty()) {
      throw ApiException.unprocessable("events", "must name at least one event: " + HookEventType.subscribable());
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String e : events) {
      if (!HookEventType.subscribable().contains(e)) {
        throw ApiException.unprocessable("events", "names " + e + ", which is not one of " + HookEventType.subscribable());
      }
      out.add(e);
    }
    return List.copyOf(out);
  }

  private static String description(String d) {
    return d == null ? "" : d.strip();
  }

  private static String digest(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
