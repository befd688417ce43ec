package dev.contentcreator.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The request line: Cloud Logging's httpRequest, severity by status, nothing the caller sent but the path. */
class RequestLogTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final RequestLog log = new RequestLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), "proj");

  private JsonObject write(int status, String error) {
    bytes.reset();
    log.write(new RequestLog.Entry("GET", "/api/things/7", "/api/things/{id}", status, 42, null, "203.0.113.9",
        Duration.ofNanos(12_345_678), new Trace("0af7651916cd43dd8448eb211c80319c", null), "uid-1", null, error));
    return JsonParser.parseString(bytes.toString(StandardCharsets.UTF_8)).getAsJsonObject();
  }

  @Test
  void aLineHoldsTheRequestInCloudLoggingsShape() {
    JsonObject o = write(200, null);
    assertEquals("INFO", o.get("severity").getAsString());
    assertEquals("GET /api/things/7 200 12ms", o.get("message").getAsString());
    JsonObject http = o.getAsJsonObject("httpRequest");
    assertEquals("GET", http.get("requestMethod").getAsString());
    assertEquals("/api/things/7", http.get("requestUrl").getAsString());
    assertEquals(200, http.get("status").getAsInt());
    assertEquals("42", http.get("responseSize").getAsString());
    assertEquals("0.012346s", http.get("latency").getAsString());
    assertFalse(http.has("userAgent"), "what is not known is left out");
    assertEquals("projects/proj/traces/0af7651916cd43dd8448eb211c80319c", o.get("logging.googleapis.com/trace").getAsString());
    assertFalse(o.has("logging.googleapis.com/spanId"));
    assertEquals("/api/things/{id}", o.get("route").getAsString());
    assertEquals("uid-1", o.get("uid").getAsString());
  }

  @Test
  void theSeverityFollowsTheStatusAndAFailureIsNamedInTheMessage() {
    assertEquals("WARNING", write(404, null).get("severity").getAsString());
    JsonObject failed = write(500, "java.lang.IllegalStateException: boom");
    assertEquals("ERROR", failed.get("severity").getAsString());
    assertEquals("GET /api/things/7 500 12ms: java.lang.IllegalStateException: boom", failed.get("message").getAsString());
  }

  @Test
  void latencyIsSecondsWithSixDecimals() {
    assertEquals("0.000000s", RequestLog.seconds(Duration.ZERO));
    assertEquals("0.000001s", RequestLog.seconds(Duration.ofNanos(500)));
    assertEquals("1.500000s", RequestLog.seconds(Duration.ofMillis(1500)));
    assertEquals("61.000250s", RequestLog.seconds(Duration.ofSeconds(61).plusNanos(250_000)));
  }
}
