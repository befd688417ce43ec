package dev.contentcreator.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The structured logger: Cloud Logging's JSON shape, the request's trace, escaping, exceptions. */
class LogTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00.123Z"), ZoneOffset.UTC);

  private final List<Severity> severities = new ArrayList<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final Log log = new Log((severity, line) -> {
    severities.add(severity);
    bytes.writeBytes(line);
  }, CLOCK);

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private JsonObject only() {
    String text = text();
    assertEquals(1, text.lines().count(), text);
    assertTrue(text.endsWith("\n"), "a line ends with a line feed");
    return JsonParser.parseString(text).getAsJsonObject();
  }

  @Test
  void anEntryHasSeverityMessageAndTime() {
    log.write(Severity.INFO, "started 2 batch run(s)", null, Map.of());

    JsonObject o = only();
    assertEquals("INFO", o.get("severity").getAsString());
    assertEquals("started 2 batch run(s)", o.get("message").getAsString());
    assertEquals("2026-11-26T10:00:00.123Z", o.get("time").getAsString());
    assertFalse(o.has("logging.googleapis.com/trace"), "no trace outside a request");
    assertEquals(List.of(Severity.INFO), severities);
  }

  @Test
  void anEntryWrittenWhileARequestIsServedCarriesItsTrace() {
    try (LogTrace.Scope scope = LogTrace.enter(new LogTrace("projects/p/traces/0af7651916cd43dd8448eb211c80319c",
        "b7ad6b7169203331"))) {
      log.write(Severity.WARNING, "cache unavailable", null, Map.of());
    }
    JsonObject o = only();
    assertEquals("projects/p/traces/0af7651916cd43dd8448eb211c80319c", o.get("logging.googleapis.com/trace").getAsString());
    assertEquals("b7ad6b7169203331", o.get("logging.googleapis.com/spanId").getAsString());
    assertNull(LogTrace.current(), "the trace ends with its scope");
  }

  @Test
  void aNestedScopeGivesBackTheOuterTrace() {
    LogTrace outer = new LogTrace("projects/p/traces/1", null);
    try (LogTrace.Scope a = LogTrace.enter(outer)) {
      try (LogTrace.Scope b = LogTrace.enter(null)) {
        assertNull(LogTrace.current());
      }
      assertEquals(outer, LogTrace.current());
    }
    assertNull(LogTrace.current());
  }

  @Test
  void anErrorCarriesItsStackTraceWhereErrorReportingLooks() {
    IllegalStateException cause = new IllegalStateException("disk full");
    log.write(Severity.ERROR, "the scheduled backup failed", new RuntimeException("copy failed", cause),
        Map.of("batchId", "b1"));

    JsonObject o = only();
    assertEquals("ERROR", o.get("severity").getAsString());
    assertEquals("the scheduled backup failed: java.lang.RuntimeException: copy failed", o.get("message").getAsString());
    assertEquals("b1", o.get("batchId").getAsString());
    String stack = o.get("stack_trace").getAsString();
    assertTrue(stack.startsWith("java.lang.RuntimeException: copy failed\n\tat dev.contentcreator.core.log.LogTest."),
        stack);
    assertTrue(stack.contains("Caused by: java.lang.IllegalStateException: disk full"), stack);
  }

  @Test
  void aWarningNamesItsExceptionWithoutAStackTrace() {
    log.write(Severity.WARNING, "stream slots: the cache failed", new IllegalStateException("redis down"), Map.of());

    JsonObject o = only();
    assertEquals("stream slots: the cache failed: java.lang.IllegalStateException: redis down",
        o.get("message").getAsString());
    assertFalse(o.has("stack_trace"));
  }

  @Test
  void quotesBackslashesNewlinesAndControlCharactersAreEscapedOnOneLine() {
    String nasty = "say \"hi\"\\ then\nnew line\r\ttab \u0000\u0001\u001f\u007f end é 漢 😀";
    log.write(Severity.INFO, nasty, null, Map.of("odd \"field\"", "a\nb"));

    String text = text();
    assertEquals(1, text.lines().count(), text);
    assertTrue(text.contains("say \\\"hi\\\"\\\\ then\\nnew line\\r\\ttab \\u0000\\u0001\\u001f\\u007f end"), text);
    JsonObject o = only();
    assertEquals(nasty, o.get("message").getAsString());
    assertEquals("a\nb", o.get("odd \"field\"").getAsString());
  }

  @Test
  void aLineNestsObjectsAndLeavesOutNulls() {
    byte[] line = new JsonLine().string("a", "1").string("gone", null).open("inner").number("n", -7)
        .string("s", "x").close().number("after", 3).finish();

    assertEquals("{\"a\":\"1\",\"inner\":{\"n\":-7,\"s\":\"x\"},\"after\":3}\n", new String(line, StandardCharsets.UTF_8));
  }

  @Test
  void theStandardOutputSendsWarningsAndErrorsToStandardErrorAndTheRestToStandardOutput() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      Log.info("to standard output");
      Log.warning("to standard error");
      Log.error("also to standard error", null);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("\"message\":\"to standard output\""));
    assertEquals(1, stdout.toString(StandardCharsets.UTF_8).lines().count());
    assertEquals(2, stderr.toString(StandardCharsets.UTF_8).lines().count());
    assertFalse(stderr.toString(StandardCharsets.UTF_8).contains("stack_trace"), "no exception, no stack trace");
  }

  @Test
  void linesWrittenAtOnceByManyThreadsStayWhole() throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    Log shared = new Log(LogOutput.to(new PrintStream(sink, false, StandardCharsets.UTF_8)), CLOCK);
    String long1 = "x".repeat(10_000);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int n = t;
      Thread thread = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        for (int i = 0; i < 200; i++) {
          shared.write(Severity.INFO, n + ":" + i + ":" + long1, null, Map.of());
        }
      });
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    List<String> lines = sink.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(1600, lines.size());
    for (String line : lines) {
      assertTrue(JsonParser.parseString(line).getAsJsonObject().get("message").getAsString().endsWith(long1));
    }
  }
}
