package dev.contentcreator.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.log.LogTrace;
import dev.contentcreator.core.ports.InvalidCursorException;
import dev.contentcreator.core.ports.StoreBusyException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The request pipeline's steps, in their order, each able to refuse before the next runs; the
 * mapping of what goes wrong; and the request's trace on the thread while its handler runs.
 */
class PipelineTest {
  private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final Caller ALICE = new Caller("alice", "alice@example.com", "Alice", null);

  private final List<String> steps = new ArrayList<>();
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final RequestLog log = new RequestLog(new PrintStream(logged, true, StandardCharsets.UTF_8), "proj");

  /** The step that refuses, by name, or null for none. */
  private String refuseAt;
  private Handler handler = r -> {
    steps.add("handler " + new String(r.rawBody(), StandardCharsets.UTF_8));
    return ApiResponse.ok(Map.of("ok", true));
  };

  private void step(String name) {
    steps.add(name);
    if (name.equals(refuseAt)) {
      throw ApiException.of(429, "refused-" + name.replace(' ', '-'), "Refused", "at " + name);
    }
  }

  private Pipeline pipeline() {
    Authenticator authenticator = headers -> {
      step("authenticate");
      return ALICE;
    };
    Pipeline.Limits limits = new Pipeline.Limits() {
      @Override
      public void beforeAuthentication(Call call, Pipeline.Target target) {
        step("limit address");
      }

      @Override
      public void afterAuthentication(Call call, Principal who) {
        step("limit " + ((Caller) who).uid());
      }
    };
    return new Pipeline((method, path) -> {
      step("route");
      if (!path.equals("/api/x")) {
        throw ApiException.notFound("nothing");
      }
      return new Pipeline.Target("/api/x", Map.of(), authenticator, BodyRule.json(8), r -> handler.handle(r));
    }, limits, caller -> step("signed in " + caller.uid()), 1, log);
  }

  private FakeHttp.Response serve(FakeHttp.Request request) {
    FakeHttp.Response response = new FakeHttp.Response();
    pipeline().service(request, response);
    return response;
  }

  private JsonObject logLine() {
    String text = logged.toString(StandardCharsets.UTF_8).strip();
    assertEquals(1, text.lines().count(), text);
    return JsonParser.parseString(text).getAsJsonObject();
  }

  @Test
  void theStepsRunInOrderAndTheHandlerGetsTheBody() {
    FakeHttp.Response r = serve(new FakeHttp.Request("POST", "/api/x").json("{}"));

    assertEquals(200, r.status);
    assertEquals(List.of("route", "limit address", "authenticate", "limit alice", "signed in alice", "handler {}"),
        steps);
    assertEquals("no-store", r.header("Cache-Control"));
    assertEquals("nosniff", r.header("X-Content-Type-Options"));
    assertEquals("alice", logLine().get("uid").getAsString());
  }

  @Test
  void eachStepsRefusalStopsTheStepsAfterIt() {
    List<String> order = List.of("limit address", "authenticate", "limit alice");
    for (String at : order) {
      steps.clear();
      logged.reset();
      refuseAt = at;
      // The body is over the limit: had it been read, the answer would be a 413.
      FakeHttp.Response r = serve(new FakeHttp.Request("POST", "/api/x").json("{\"a\":\"0123456789\"}"));
      assertEquals(429, r.status, at);
      assertEquals("route", steps.get(0));
      assertEquals(at, steps.get(steps.size() - 1), steps::toString);
      assertEquals("refused-" + at.replace(' ', '-'), logLine().get("problem").getAsString());
    }
  }

  @Test
  void anUnknownRouteIsRefusedBeforeAnythingElse() {
    FakeHttp.Response r = serve(new FakeHttp.Request("GET", "/api/nothing"));

    assertEquals(404, r.status);
    assertEquals(List.of("route"), steps);
    assertFalse(logLine().has("route"), "a path with no route is logged without one");
  }

  @Test
  void theBodyIsJudgedAfterTheCallerIsKnownAndBeforeTheHandler() {
    FakeHttp.Response r = serve(new FakeHttp.Request("POST", "/api/x").json("{\"a\":\"0123456789\"}"));

    assertEquals(413, r.status);
    assertEquals(List.of("route", "limit address", "authenticate", "limit alice"), steps);
    assertEquals("alice", logLine().get("uid").getAsString(), "a refused body still names who sent it");
  }

  @Test
  void aBusyStoreIs503WithRetryAfterAndNamedInTheLogOnly() {
    handler = r -> {
      throw new StoreBusyException("transaction lost 10 times on jobs/j1", null);
    };
    FakeHttp.Response r = serve(new FakeHttp.Request("GET", "/api/x"));

    assertEquals(503, r.status);
    assertEquals("1", r.header("Retry-After"));
    assertEquals(Problem.CONTENT_TYPE, r.header("Content-Type"));
    assertFalse(r.text().contains("jobs/j1"), r.text());
    JsonObject line = logLine();
    assertEquals("busy", line.get("problem").getAsString());
    assertTrue(line.get("message").getAsString().contains("StoreBusyException: transaction lost"), line::toString);
  }

  @Test
  void aCursorOfAnotherListIsABadRequestNamingTheCursor() {
    handler = r -> {
      throw new InvalidCursorException("the cursor belongs to another query");
    };
    FakeHttp.Response r = serve(new FakeHttp.Request("GET", "/api/x"));

    assertEquals(400, r.status);
    JsonObject problem = JsonParser.parseString(r.text()).getAsJsonObject();
    assertEquals("cursor", problem.getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString());
  }

  @Test
  void anUnexpectedFailureIsA500LoggedWithItsStackTraceUnderTheRequestsTrace() {
    handler = r -> {
      throw new IllegalStateException("the password is hunter2");
    };
    PrintStream err = System.err;
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    FakeHttp.Response r;
    try {
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      r = serve(new FakeHttp.Request("GET", "/api/x").header("traceparent", "00-" + TRACE + "-b7ad6b7169203331-01"));
    } finally {
      System.setErr(err);
    }

    assertEquals(500, r.status);
    assertFalse(r.text().contains("hunter2"), r.text());
    assertEquals("internal", JsonParser.parseString(r.text()).getAsJsonObject().get("type").getAsString()
        .replace("/problems/", ""));
    JsonObject failure = JsonParser.parseString(stderr.toString(StandardCharsets.UTF_8).strip()).getAsJsonObject();
    assertEquals("ERROR", failure.get("severity").getAsString());
    assertEquals("projects/proj/traces/" + TRACE, failure.get("logging.googleapis.com/trace").getAsString());
    assertTrue(failure.get("message").getAsString().startsWith("unexpected failure in GET /api/x"), failure::toString);
    assertTrue(failure.get("stack_trace").getAsString().startsWith("java.lang.IllegalStateException: the password"));
    assertEquals("ERROR", logLine().get("severity").getAsString());
  }

  @Test
  void theHandlerRunsUnderTheRequestsTraceAndTheThreadIsClearedAfter() {
    AtomicReference<LogTrace> seen = new AtomicReference<>();
    handler = r -> {
      seen.set(LogTrace.current());
      return ApiResponse.noContent();
    };
    serve(new FakeHttp.Request("GET", "/api/x").header("X-Cloud-Trace-Context", TRACE + "/1;o=1"));

    assertEquals(new LogTrace("projects/proj/traces/" + TRACE, "0000000000000001"), seen.get());
    assertNull(LogTrace.current());
  }

  @Test
  void aHeadGetsTheHeadersWithoutTheBody() {
    FakeHttp.Response r = serve(new FakeHttp.Request("HEAD", "/api/x"));

    assertEquals(200, r.status);
    assertEquals("", r.text());
    assertEquals("application/json; charset=utf-8", r.header("Content-Type"));
  }
}
