package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.local.Emulator.Person;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calendar from outside (issue 13 part 5): entries of scheduled batches across two projects,
 * what a viewer and a stranger see and may do, moving a once-batch (and not one run of a cron),
 * the window's limit, and the private iCalendar feed: its text read as a calendar application
 * would, rotation and revocation, and a project left behind leaving the feed.
 */
class CalendarBlackBoxTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Person alice;
  static Person bob;
  static Person zed;
  static String launch;
  static String shop;
  static String onceBatch;
  static String cronBatch;
  static Instant onceAt;
  static String from;
  static String to;

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    Emulator.ensureRunning();
    server = ServerProcess.start(data, OnEmulators.with(OnEmulators.adaptersFor(test),
        "RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m"));
    api = new Api(server.base());
    alice = Emulator.signUp("alice");
    bob = Emulator.signUp("bob");
    zed = Emulator.signUp("zed");
    launch = project("Launch");
    shop = project("Shop");
    bob = Invitations.join(api, alice, launch, bob, "viewer");
    onceAt = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    onceBatch = batch(launch, "Launch posts", "once at " + onceAt);
    cronBatch = batch(shop, "Daily deals", "0 9 * * *");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    from = today.toString();
    to = today.plusDays(7).toString();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static String project(String name) throws Exception {
    return api.post("/api/projects", alice.idToken(), "{\"name\":\"" + name + "\"}").expect(201).object()
        .get("id").getAsString();
  }

  private static String batch(String project, String name, String schedule) throws Exception {
    String template = api.post("/api/templates", alice.idToken(), "{\"projectId\":\"" + project + "\",\"name\":\"T\","
        + "\"kind\":\"text\",\"body\":\"A line about {{topic}}\",\"variables\":["
        + "{\"name\":\"topic\",\"type\":\"string\",\"required\":true}]}").expect(201).object().get("id").getAsString();
    return api.post("/api/projects/" + project + "/batches", alice.idToken(), "{\"name\":\"" + name
        + "\",\"templateId\":\"" + template + "\",\"schedule\":\"" + schedule + "\",\"timeZone\":\"UTC\","
        + "\"rows\":[{\"topic\":\"tea\"}]}").expect(201).object().get("id").getAsString();
  }

  private static List<JsonObject> entries(Person who, String path) throws Exception {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : api.get(path, who.idToken()).expect(200).object().getAsJsonArray("entries")) {
      out.add(e.getAsJsonObject());
    }
    return out;
  }

  private static List<JsonObject> of(List<JsonObject> entries, String batchId) {
    return entries.stream().filter(e -> e.get("refId").getAsString().equals(batchId)).toList();
  }

  private static String window() {
    return "?from=" + from + "&to=" + to + "&tz=UTC";
  }

  private static HttpResponse<String> fetch(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String move(String project, String kind, String ref) {
    return "/api/projects/" + project + "/calendar/" + kind + "/" + ref;
  }

  @Test
  void theOwnerSeesTheEntriesOfBothProjectsInStartOrder() throws Exception {
    List<JsonObject> all = entries(alice, "/api/calendar" + window());
    List<JsonObject> once = of(all, onceBatch);
    assertEquals(1, once.size(), all.toString());
    JsonObject e = once.get(0);
    assertEquals("batch", e.get("kind").getAsString());
    assertEquals(launch, e.get("projectId").getAsString());
    assertEquals("Launch", e.get("projectName").getAsString());
    assertEquals("Launch posts", e.get("title").getAsString());
    assertEquals(onceAt, Instant.parse(e.get("start").getAsString()));
    assertEquals("scheduled", e.get("status").getAsString());
    assertTrue(e.get("draggable").getAsBoolean());
    assertFalse(e.get("recurring").getAsBoolean());
    assertEquals("/projects/" + launch + "/batches/" + onceBatch, e.get("link").getAsString());
    List<JsonObject> daily = of(all, cronBatch);
    // Seven days from today's midnight hold seven 09:00s, less today's if it has passed.
    assertTrue(daily.size() == 7 || daily.size() == 6, daily.toString());
    for (JsonObject d : daily) {
      assertEquals("Shop", d.get("projectName").getAsString());
      assertTrue(d.get("recurring").getAsBoolean());
      assertFalse(d.get("draggable").getAsBoolean(), "one run of a series is not dragged");
      var start = Instant.parse(d.get("start").getAsString()).atZone(ZoneOffset.UTC);
      assertEquals(9, start.getHour(), d.toString());
      assertEquals(0, start.getMinute(), d.toString());
    }
    List<String> starts = all.stream().map(x -> x.get("start").getAsString()).toList();
    assertEquals(starts.stream().sorted().toList(), starts);
    assertEquals(all.size(), entries(alice, "/api/projects/" + launch + "/calendar" + window()).size() + daily.size());
  }

  @Test
  void aStrangerSeesNothingAndGetsTheSame404AsForAMissingProject() throws Exception {
    assertEquals(List.of(), entries(zed, "/api/calendar" + window()));
    api.get("/api/projects/" + launch + "/calendar" + window(), zed.idToken()).expect(404);
    api.get("/api/projects/nosuchproject/calendar" + window(), zed.idToken()).expect(404);
    api.patch(move(launch, "batch", onceBatch), zed.idToken(), "{\"start\":\"" + onceAt.plus(1, ChronoUnit.DAYS) + "\"}")
        .expect(404);
    api.get("/api/calendar" + window(), null).expect(401);
  }

  @Test
  void aViewerSeesTheirProjectOnlyAndCannotMoveAnything() throws Exception {
    List<JsonObject> seen = entries(bob, "/api/calendar" + window());
    assertEquals(List.of(), of(seen, cronBatch), "bob is not in Shop");
    List<JsonObject> once = of(seen, onceBatch);
    assertEquals(1, once.size());
    assertFalse(once.get(0).get("draggable").getAsBoolean());
    api.patch(move(launch, "batch", onceBatch), bob.idToken(), "{\"start\":\"" + onceAt.plus(1, ChronoUnit.DAYS) + "\"}")
        .expect(403);
    assertEquals(onceAt, Instant.parse(of(entries(alice, "/api/calendar" + window()), onceBatch).get(0)
        .get("start").getAsString()));
  }

  @Test
  void aWindowLongerThan62DaysBackwardsOrUnreadableIs400() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    api.get("/api/calendar?from=" + today + "&to=" + today.plusDays(63), alice.idToken()).expect(400);
    api.get("/api/calendar?from=" + today + "&to=" + today.plusDays(62), alice.idToken()).expect(200);
    api.get("/api/calendar?from=" + today + "&to=" + today.minusDays(1), alice.idToken()).expect(400);
    api.get("/api/calendar?from=soon&to=" + today, alice.idToken()).expect(400);
    api.get("/api/calendar?to=" + today, alice.idToken()).expect(400);
    api.get("/api/calendar?from=" + today + "&to=" + today.plusDays(1) + "&tz=Mars/Olympus", alice.idToken()).expect(400);
    api.get("/api/projects/" + launch + "/calendar?from=" + today + "&to=" + today.plusDays(90), alice.idToken())
        .expect(400);
  }

  @Test
  void movingAOnceBatchSetsItsScheduleAndACronOccurrenceIsRefusedWithWhatToDo() throws Exception {
    String id = batch(launch, "Movable", "once at " + onceAt.plus(1, ChronoUnit.HOURS));
    Instant target = onceAt.plus(1, ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS);
    JsonObject moved = api.patch(move(launch, "batch", id), alice.idToken(), "{\"start\":\"" + target + "\"}")
        .expect(200).object();
    assertEquals(target, Instant.parse(moved.get("start").getAsString()));
    JsonObject batch = api.get("/api/projects/" + launch + "/batches/" + id, alice.idToken()).expect(200).object();
    assertEquals("once at " + target, batch.get("schedule").getAsString());
    List<JsonObject> now = of(entries(alice, "/api/calendar" + window()), id);
    assertEquals(1, now.size());
    assertEquals(target, Instant.parse(now.get(0).get("start").getAsString()));

    JsonObject refused = api.patch(move(shop, "batch", cronBatch), alice.idToken(),
        "{\"start\":\"" + target + "\"}").expect(409).object();
    assertTrue(refused.get("type").getAsString().endsWith("calendar-repeating-entry"), refused.toString());
    assertTrue(refused.get("detail").getAsString().contains("Change the batch's schedule"), refused.toString());
    api.patch(move(launch, "batch", id), alice.idToken(), "{\"start\":\"2020-01-01T09:00:00Z\"}").expect(422);
    api.patch(move(launch, "batch", id), alice.idToken(), "{\"start\":\"tomorrow\"}").expect(400);
    api.patch(move(launch, "batch", id), alice.idToken(), "{}").expect(400);
    api.patch(move(launch, "publication", id), alice.idToken(), "{\"start\":\"" + target + "\"}").expect(404);
    api.patch(move(launch, "batch", "nosuchbatch"), alice.idToken(), "{\"start\":\"" + target + "\"}").expect(404);
    api.patch(move(shop, "batch", id), alice.idToken(), "{\"start\":\"" + target + "\"}").expect(404);
    api.send("PATCH", move(launch, "batch", id), alice.idToken(), "{\"start\":\"" + target + "\"}",
        Map.of("If-Match", "\"1\"")).expect(412);
  }

  @Test
  void theFeedIsAValidICalendarOfThePersonsEntriesAndRotatingOrRevokingEndsIt() throws Exception {
    Person carol = Emulator.signUp("carol");
    assertFalse(api.get("/api/calendar/feed", carol.idToken()).expect(200).object().get("active").getAsBoolean());
    String carolsProject = api.post("/api/projects", carol.idToken(), "{\"name\":\"Carol's, \\\"best\\\"; work\"}")
        .expect(201).object().get("id").getAsString();
    String template = api.post("/api/templates", carol.idToken(), "{\"projectId\":\"" + carolsProject
        + "\",\"name\":\"T\",\"kind\":\"text\",\"body\":\"Hi {{x}}\",\"variables\":[{\"name\":\"x\",\"type\":\"string\"}]}")
        .expect(201).object().get("id").getAsString();
    Instant at = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    api.post("/api/projects/" + carolsProject + "/batches", carol.idToken(), "{\"name\":\"Notes, part 1; draft\","
        + "\"templateId\":\"" + template + "\",\"schedule\":\"once at " + at + "\",\"rows\":[{\"x\":\"a\"}]}").expect(201);

    JsonObject issued = api.post("/api/calendar/feed", carol.idToken(), null).expect(201).object();
    String url = issued.get("url").getAsString();
    assertTrue(url.startsWith(server.base().toString().replaceAll("/$", "") + "/api/calendar/feed/"), url);
    assertTrue(url.endsWith(".ics"), url);
    assertTrue(api.get("/api/calendar/feed", carol.idToken()).expect(200).object().get("active").getAsBoolean());
    assertFalse(api.get("/api/calendar/feed", carol.idToken()).raw().body().contains(issued.get("token").getAsString()));

    HttpResponse<String> ics = fetch(url);
    assertEquals(200, ics.statusCode(), ics.body());
    assertTrue(ics.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
    assertEquals("noindex, nofollow", ics.headers().firstValue("X-Robots-Tag").orElse(null));
    String body = ics.body();
    assertTrue(body.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), body);
    assertTrue(body.endsWith("END:VCALENDAR\r\n"), body);
    for (String line : body.split("\r\n")) {
      assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "longer than 75 octets: " + line);
      assertFalse(line.contains("\n"), "a bare LF: " + line);
    }
    String unfolded = body.replace("\r\n ", "");
    assertEquals(1, count(unfolded, "BEGIN:VEVENT\r\n"));
    assertEquals(1, count(unfolded, "END:VEVENT\r\n"));
    String stamp = at.toString().replace("-", "").replace(":", "");
    assertTrue(unfolded.contains("\r\nDTSTART:" + stamp + "\r\n"), unfolded);
    assertTrue(unfolded.contains("\r\nSUMMARY:Batch: Notes\\, part 1\\; draft\r\n"), unfolded);
    assertTrue(unfolded.contains("Project: Carol's\\, \"best\"\\; work\\nStatus: scheduled"), unfolded);
    assertTrue(unfolded.matches("(?s).*\r\nUID:batch-[A-Za-z0-9-]+-" + at.getEpochSecond() + "@contentcreator\r\n.*"),
        unfolded);
    assertTrue(unfolded.matches("(?s).*\r\nDTSTAMP:\\d{8}T\\d{6}Z\r\n.*"), unfolded);
    assertTrue(unfolded.contains("\r\nURL:" + server.base().toString().replaceAll("/$", "") + "/projects/"
        + carolsProject + "/batches/"), unfolded);

    String rotated = api.post("/api/calendar/feed", carol.idToken(), "{}").expect(201).object().get("url").getAsString();
    assertNotEquals(url, rotated);
    assertEquals(404, fetch(url).statusCode(), "a rotated-out address opens nothing");
    assertEquals(200, fetch(rotated).statusCode());
    api.delete("/api/calendar/feed", carol.idToken()).expect(204);
    HttpResponse<String> gone = fetch(rotated);
    assertEquals(404, gone.statusCode());
    assertTrue(gone.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    assertFalse(api.get("/api/calendar/feed", carol.idToken()).expect(200).object().get("active").getAsBoolean());
    assertEquals(404, fetch(server.base().resolve("/api/calendar/feed/" + "A".repeat(43) + ".ics").toString())
        .statusCode());
    assertEquals(404, fetch(server.base().resolve("/api/calendar/feed/short").toString()).statusCode());
  }

  @Test
  void theFeedOfSomeoneWhoLeftAProjectNoLongerShowsIt() throws Exception {
    Person dave = Invitations.join(api, alice, launch, Emulator.signUp("dave"), "editor");
    String url = api.post("/api/calendar/feed", dave.idToken(), null).expect(201).object().get("url").getAsString();
    assertTrue(fetch(url).body().contains("Launch posts"));
    api.delete("/api/projects/" + launch + "/members/" + dave.uid(), alice.idToken()).expect(204);
    HttpResponse<String> after = fetch(url);
    assertEquals(200, after.statusCode());
    assertFalse(after.body().contains("Launch posts"), after.body());
    assertFalse(after.body().contains("BEGIN:VEVENT"), after.body());
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
