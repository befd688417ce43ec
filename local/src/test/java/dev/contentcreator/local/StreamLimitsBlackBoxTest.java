package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.local.Emulator.Person;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, defect 3 (and the stream part of 9): live streams have a bounded cost. One person may
 * hold only a few streams open; each stream ends by itself after a short bound with a {@code retry:}
 * hint, and the next one resumes from {@code Last-Event-ID} without losing or repeating text; a
 * normal end leaves nothing in the log but the request line.
 */
class StreamLimitsBlackBoxTest {
  static final int CAP = 2;
  static final Duration BOUND = Duration.ofSeconds(2);

  @TempDir static Path data;
  static ServerProcess server;
  static Api api;

  @BeforeAll
  static void start() throws Exception {
    Emulator.ensureRunning();
    server = ServerProcess.start(data, Map.of("RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m",
        "DEMO_CHUNK_DELAY", "150ms", "STREAM_MAX_PER_PERSON", Integer.toString(CAP),
        "STREAM_MAX_DURATION", BOUND.toMillis() + "ms"));
    api = new Api(server.base());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** A new person with a project of their own; returns the project's id. */
  static String projectOf(Person who) throws Exception {
    return api.post("/api/projects", who.idToken(), "{\"name\":\"Streams\"}").expect(201).object().get("id")
        .getAsString();
  }

  /** A text job of {@code count} items, made afresh; the demo provider streams each over several seconds. */
  static String longText(Person who, String project, int count) throws Exception {
    return api.send("POST", "/api/projects/" + project + "/generations", who.idToken(),
        "{\"kind\":\"text\",\"prompt\":\"A long essay on lighthouses\",\"fresh\":true,\"count\":" + count + "}",
        Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(202).object().get("id").getAsString();
  }

  static URI events(String project, String jobId) {
    return server.base().resolve("/api/projects/" + project + "/generations/" + jobId + "/events");
  }

  /** Opens a stream and returns once its headers came, leaving it open. */
  static HttpResponse<InputStream> open(URI uri, String token) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  @Test
  void oneMoreStreamThanTheCapIsRefusedWith429WhileAnotherPersonStillGetsOne() throws Exception {
    Person greedy = Emulator.signUp("greedy");
    Person other = Emulator.signUp("other");
    String project = projectOf(greedy);
    String job = longText(greedy, project, 1);
    String otherProject = projectOf(other);
    String otherJob = longText(other, otherProject, 1);
    List<HttpResponse<InputStream>> held = new ArrayList<>();
    try {
      for (int i = 0; i < CAP; i++) {
        HttpResponse<InputStream> r = open(events(project, job), greedy.idToken());
        held.add(r);
        assertEquals(200, r.statusCode(), "stream " + (i + 1) + " of " + CAP + " is allowed");
      }
      HttpResponse<InputStream> extra = open(events(project, job), greedy.idToken());
      held.add(extra);
      String body = new String(extra.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(429, extra.statusCode(), "one stream beyond the cap: " + body);
      assertEquals("application/problem+json", extra.headers().firstValue("Content-Type").orElse(""));
      JsonObject problem = JsonParser.parseString(body).getAsJsonObject();
      assertEquals(429, problem.get("status").getAsInt());
      assertTrue(problem.has("type") && problem.has("title") && problem.has("detail"), body);
      assertTrue(Long.parseLong(extra.headers().firstValue("Retry-After").orElse("0")) >= 1, "says when to retry");
      HttpResponse<InputStream> others = open(events(otherProject, otherJob), other.idToken());
      held.add(others);
      assertEquals(200, others.statusCode(), "the cap is per person: someone else still gets a stream");
    } finally {
      for (HttpResponse<InputStream> r : held) {
        r.body().close();
      }
    }
  }

  @Test
  void aStreamEndsByItselfWithARetryHintAndResumesFromLastEventIdWithoutLosingOrRepeatingText() throws Exception {
    Person writer = Emulator.signUp("writer");
    String project = projectOf(writer);
    String job = longText(writer, project, 2);
    Map<Integer, StringBuilder> texts = new TreeMap<>();
    String lastId = null;
    JsonObject end = null;
    int streams = 0;
    while (end == null) {
      assertTrue(++streams < 100, "the job ended within 100 streams");
      long started = System.nanoTime();
      Sse.Reading r = Sse.read(events(project, job), writer.idToken(), lastId, Duration.ofSeconds(60));
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertEquals(200, r.status(), () -> "stream " + r.problem());
      for (Sse.Event e : r.events()) {
        assertNotNull(e.id(), "every event has an id to resume from: " + e);
        switch (e.name()) {
          case "reset" -> texts.remove(e.data().get("index").getAsInt());
          case "delta" -> texts.computeIfAbsent(e.data().get("index").getAsInt(), k -> new StringBuilder())
              .append(e.data().get("text").getAsString());
          case "end" -> end = e.data();
          default -> { }
        }
      }
      if (end == null) {
        assertFalse(r.retries().isEmpty(), "a stream that ends before its job says when to come back");
        assertTrue(took.compareTo(BOUND.plusSeconds(3)) < 0, "the stream ended by itself after about " + BOUND
            + ", it took " + took);
      }
      lastId = r.lastEventId();
      assertNotNull(lastId, "the stream gave an id");
    }
    assertTrue(streams >= 3, "the job outlasted several bounded streams (" + streams + ")");
    assertEquals("completed", end.get("status").getAsString(), end.toString());
    JsonArray items = end.getAsJsonArray("items");
    assertEquals(2, items.size());
    for (int i = 0; i < 2; i++) {
      String contentId = items.get(i).getAsJsonObject().get("contentId").getAsString();
      String stored = api.get("/api/projects/" + project + "/contents/" + contentId, writer.idToken()).expect(200)
          .object().getAsJsonObject("current").get("text").getAsString();
      assertEquals(stored, String.valueOf(texts.get(i)), "item " + i + ": exactly its text, once, over " + streams
          + " streams");
    }
  }

  @Test
  void aMalformedLastEventIdIsABadRequest() throws Exception {
    Person someone = Emulator.signUp("someone");
    String project = projectOf(someone);
    String job = longText(someone, project, 1);
    Sse.Reading r = Sse.read(events(project, job), someone.idToken(), "0.x.-5,<script>", Duration.ofSeconds(30));
    assertEquals(400, r.status(), r.problem());
    assertEquals("application/problem+json", r.contentType());
  }

  @Test
  void aStreamThatEndsNormallyLogsNoStreamIsClosed() throws Exception {
    Person quiet = Emulator.signUp("quiet");
    String project = projectOf(quiet);
    String job = longText(quiet, project, 1);
    String lastId = null;
    boolean ended = false;
    for (int i = 0; i < 50 && !ended; i++) {
      Sse.Reading r = Sse.read(events(project, job), quiet.idToken(), lastId, Duration.ofSeconds(60));
      assertEquals(200, r.status(), r.problem());
      ended = r.events().stream().anyMatch(e -> e.name().equals("end"));
      lastId = r.lastEventId();
    }
    assertTrue(ended);
    Thread.sleep(500); // what the server logs after the last byte
    String log = server.output();
    assertFalse(log.contains("Stream is closed"), "a normal end logs no error:\n" + log);
    assertFalse(log.contains("local server failed"), "a normal end logs no error:\n" + log);
    assertTrue(log.contains("/generations/" + job + "/events"), "the request line is logged");
  }
}
