package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.local.Emulator.Person;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A content item followed live (issue 12, part 7), from outside: who may open the stream; two
 * people on one item see each other in {@code presence}, and each sees the other's comment, review
 * move and rename as a {@code change} naming what to read again; closing a view takes its person out.
 */
class LiveBlackBoxTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Person owner;
  static Person editor;
  static Person viewer;
  static Person stranger;
  static String project;

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    Emulator.ensureRunning();
    server = ServerProcess.start(data, OnEmulators.with(OnEmulators.adaptersFor(test),
        "RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m"));
    api = new Api(server.base());
    owner = Emulator.signUp("liv");
    stranger = Emulator.signUp("stan");
    project = api.post("/api/projects", owner.idToken(), "{\"name\":\"Live\"}").expect(201).object()
        .get("id").getAsString();
    editor = Invitations.join(api, owner, project, Emulator.signUp("ed"), "editor");
    viewer = Invitations.join(api, owner, project, Emulator.signUp("vi"), "viewer");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static String upload(String title) throws Exception {
    var r = MediaUpload.send(server, project, editor, title);
    assertEquals(201, r.statusCode(), r.body());
    return JsonParser.parseString(r.body()).getAsJsonObject().get("id").getAsString();
  }

  private static String path(String item) {
    return "/api/projects/" + project + "/contents/" + item;
  }

  /** One open live view, read on a thread of its own into a queue of events. */
  private static final class View implements AutoCloseable {
    record Event(String name, JsonObject data) {}

    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread reader;

    View(String item, Person who) throws Exception {
      HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(server.base().resolve(path(item) + "/live"))
          .header("Authorization", "Bearer " + who.idToken()).header("Accept", "text/event-stream").build(),
          HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(200, r.statusCode());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
      body = r.body();
      reader = new Thread(this::read, "live-view");
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try {
        Sse.parse(body, (e, data) -> events.add(new Event(e.name(), e.data())), retry -> { });
      } catch (Exception e) {
        // closed by the test
      }
    }

    /**
     * The first event within 12 s that {@code wanted} accepts, skipping others; fails when none
     * comes. (A viewer who leaves is noticed at the stream's next write, within 5 s.)
     */
    Event await(String what, Predicate<Event> wanted) throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
      List<Event> skipped = new ArrayList<>();
      while (System.nanoTime() < end) {
        Event e = events.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (e != null && wanted.test(e)) {
          return e;
        }
        if (e != null) {
          skipped.add(e);
        }
      }
      throw new AssertionError("no " + what + " within 12 s; got " + skipped);
    }

    Event awaitViewers(int n) throws InterruptedException {
      return await(n + " viewers", e -> e.name().equals("presence") && e.data().getAsJsonArray("viewers").size() == n);
    }

    Event awaitChange(String what) throws InterruptedException {
      return await("a change of " + what, e -> e.name().equals("change")
          && e.data().getAsJsonArray("what").asList().stream().anyMatch(w -> w.getAsString().equals(what)));
    }

    @Override
    public void close() throws Exception {
      body.close();
      reader.join(5_000);
    }
  }

  @Test
  void onlyMembersFollowAnItemAndAStrangerGetsTheSame404AsForNoItem() throws Exception {
    String item = upload("Gate");
    api.get(path(item) + "/live", null).expect(401);
    api.get(path(item) + "/live", stranger.idToken()).expect(404);
    api.get(path("0".repeat(20)) + "/live", owner.idToken()).expect(404);
    api.get(path("not%20an%20id") + "/live", owner.idToken()).expect(404);
    api.get("/api/projects/" + "0".repeat(20) + "/contents/" + item + "/live", owner.idToken()).expect(404);
    try (View v = new View(item, viewer)) {
      JsonObject first = v.awaitViewers(1).data();
      assertEquals(viewer.uid(), first.getAsJsonArray("viewers").get(0).getAsJsonObject().get("uid").getAsString());
    }
  }

  @Test
  void twoPeopleOnOneItemSeeEachOtherAndEachOthersChanges() throws Exception {
    String item = upload("Together");
    try (View mine = new View(item, owner)) {
      mine.awaitViewers(1);
      View theirs = new View(item, editor);
      theirs.awaitViewers(2);
      JsonObject both = mine.awaitViewers(2).data();
      assertTrue(both.toString().contains(editor.uid()), both.toString());

      api.post(path(item) + "/comments", editor.idToken(), "{\"body\":\"Crop it tighter?\"}").expect(201);
      mine.awaitChange("comments");

      api.post(path(item) + "/review", editor.idToken(), "{\"status\":\"in_review\"}").expect(200);
      mine.awaitChange("review");
      api.post(path(item) + "/review", owner.idToken(), "{\"status\":\"changes_requested\"}").expect(200);
      theirs.awaitChange("review");

      api.patch(path(item), owner.idToken(), "{\"title\":\"Together, tighter\"}").expect(200);
      theirs.awaitChange("item");

      theirs.close();
      mine.awaitViewers(1);
    }
  }

  @Test
  void anotherItemsChangesAreNotSent() throws Exception {
    String item = upload("Quiet");
    String other = upload("Busy");
    try (View v = new View(item, owner)) {
      v.awaitViewers(1);
      api.post(path(other) + "/comments", editor.idToken(), "{\"body\":\"Elsewhere\"}").expect(201);
      api.post(path(item) + "/comments", editor.idToken(), "{\"body\":\"Here\"}").expect(201);
      v.awaitChange("comments");
      // The stream sent exactly one change: this item's comment, not the other's.
      View.Event extra = v.events.poll(500, TimeUnit.MILLISECONDS);
      assertTrue(extra == null || !extra.name().equals("change"), "a change of another item came: " + extra);
    }
  }
}
