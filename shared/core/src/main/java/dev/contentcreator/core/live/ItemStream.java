package dev.contentcreator.core.live;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.generation.StreamSettings;
import dev.contentcreator.core.generation.StreamSlots;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.ChangeFeed;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.users.UserService;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A content item followed live as server-sent events: what changed ({@code change}: the item, its
 * versions, its comments or its review) as soon as the {@link ChangeFeed} tells, and who else views
 * it ({@code presence}), so the web app reads again only what changed and shows the other viewers.
 * A stream counts as its person's presence on the item while it is open. Like a job's stream it takes
 * one of the person's stream slots (429 beyond), says it is alive every 5 s (so a viewer who
 * left without closing is noticed within that time), and ends after {@link StreamSettings#maxDuration()}; the client
 * opens the next one (nothing is replayed: it reads the item afresh when it reconnects).
 */
public final class ItemStream {
  /**
   * A comment line goes out after this much silence: besides keeping proxies open, it is how the
   * server learns soon that a viewer has gone (the write fails), so their presence ends.
   */
  static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(5);
  /** Changes that come together are sent as one event after this pause. */
  static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(30);
  private static final Map<String, String> WHAT = Map.of("contents", "item", "versions", "versions",
      "comments", "comments", "reviews", "review");

  private final Supplier<ProjectService> projects;
  private final Supplier<UserService> users;
  private final Supplier<DocumentStore> documents;
  private final Supplier<ChangeFeed> feed;
  private final StreamSlots slots;
  private final StreamSettings settings;
  private final Clock clock;
  private final LongSupplier nanoTime;

  public ItemStream(Supplier<ProjectService> projects, Supplier<UserService> users, Supplier<DocumentStore> documents,
      Supplier<ChangeFeed> feed, StreamSlots slots, StreamSettings settings, Clock clock, LongSupplier nanoTime) {
    this.projects = Objects.requireNonNull(projects, "projects");
    this.users = Objects.requireNonNull(users, "users");
    this.documents = Objects.requireNonNull(documents, "documents");
    this.feed = Objects.requireNonNull(feed, "feed");
    this.slots = Objects.requireNonNull(slots, "slots");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /**
   * Checks who asks (a stranger gets the 404 of an item that does not exist) and their open streams
   * (429 beyond the cap), then answers with the stream.
   */
  public ApiResponse open(Caller caller, String projectId, String contentId) {
    projects.get().requireRole(caller.uid(), projectId, Role.VIEWER);
    boolean found = Ids.isWellFormed(contentId) && documents.get().get(ContentService.CONTENTS, contentId)
        .map(ContentService::content).filter(c -> c.projectId().equals(projectId)).isPresent();
    if (!found) {
      throw ApiException.notFound("No such content item in this project.");
    }
    StreamSlots.Slot slot = slots.claim(caller.uid()).orElseThrow(settings::tooManyStreams);
    Presence.Viewer me = new Presence.Viewer(caller.uid(), users.get().nameOf(caller));
    return ApiResponse.streaming("text/event-stream; charset=utf-8", out -> {
      try (slot) {
        new Run(out, projectId, contentId, me).run();
      }
    }).header("X-Accel-Buffering", "no").header("Cache-Control", "no-store");
  }

  /** One stream, written by the request's thread. */
  private final class Run {
    private final OutputStream out;
    private final String projectId;
    private final String contentId;
    private final Presence.Viewer me;
    private final String viewId = Ids.newId();
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>(10_000);
    private final Presence presence = new Presence(documents.get());
    private List<Presence.Viewer> shown;
    private long lastWrite;

    Run(OutputStream out, String projectId, String contentId, Presence.Viewer me) {
      this.out = out;
      this.projectId = projectId;
      this.contentId = contentId;
      this.me = me;
    }

    void run() throws IOException {
      write("retry: " + settings.retry().toMillis() + "\n\n");
      try (ChangeFeed.Watch watch = feed.get().watch(projectId, contentId, queue::offer)) {
        presence.here(projectId, contentId, me, viewId, clock.instant());
        try {
          follow();
        } finally {
          try {
            presence.gone(contentId, me.uid(), viewId);
          } catch (RuntimeException e) {
            Log.warning("could not end a presence on " + contentId + ": " + e);
          }
        }
      }
    }

    private void follow() throws IOException {
      long started = nanoTime.getAsLong();
      long deadline = started + settings.maxDuration().toNanos();
      long heartbeat = Presence.HEARTBEAT.toNanos();
      long nextBeat = started + heartbeat;
      sendPresence();
      for (;;) {
        long now = nanoTime.getAsLong();
        if (now - deadline >= 0) {
          return;
        }
        long wake = Math.min(deadline, Math.min(nextBeat, lastWrite + KEEP_ALIVE_NANOS));
        String first;
        try {
          first = queue.poll(Math.max(0, wake - now), TimeUnit.NANOSECONDS);
          if (first != null) {
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(GATHER_NANOS));
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        Set<String> changed = new TreeSet<>();
        for (String c = first; c != null; c = queue.poll()) {
          changed.add(c);
        }
        now = nanoTime.getAsLong();
        if (now - nextBeat >= 0) {
          nextBeat = now + heartbeat;
          presence.here(projectId, contentId, me, viewId, clock.instant());
          changed.add(Presence.COLLECTION); // a viewer may have gone stale since
        }
        if (changed.remove(Presence.COLLECTION)) {
          sendPresence();
        }
        JsonArray what = new JsonArray();
        changed.stream().map(WHAT::get).filter(Objects::nonNull).distinct().forEach(what::add);
        if (!what.isEmpty()) {
          JsonObject data = new JsonObject();
          data.add("what", what);
          write("event: change\ndata: " + data + "\n\n");
        }
        if (nanoTime.getAsLong() - lastWrite >= KEEP_ALIVE_NANOS) {
          write(": alive\n\n");
        }
      }
    }

    private void sendPresence() throws IOException {
      List<Presence.Viewer> now = presence.viewers(contentId, clock.instant());
      if (now.equals(shown)) {
        return;
      }
      shown = now;
      JsonObject data = new JsonObject();
      JsonArray viewers = new JsonArray();
      for (Presence.Viewer v : now) {
        JsonObject o = new JsonObject();
        o.addProperty("uid", v.uid());
        o.addProperty("name", v.name());
        viewers.add(o);
      }
      data.add("viewers", viewers);
      write("event: presence\ndata: " + data + "\n\n");
    }

    private void write(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
      lastWrite = nanoTime.getAsLong();
    }
  }
}
