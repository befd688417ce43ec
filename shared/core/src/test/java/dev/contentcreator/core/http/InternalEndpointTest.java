package dev.contentcreator.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chain of internal functions: routing by the last segment, limits, problem+json, one log line. */
class InternalEndpointTest {
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final RequestLog log = new RequestLog(new PrintStream(logged, true, StandardCharsets.UTF_8), "demo");

  private InternalEndpoint endpoint() {
    return InternalEndpoint.builder()
        .post("batches:tick", r -> ApiResponse.ok(Map.of("started", 2)))
        .post("boom", r -> {
          throw new IllegalStateException("the password is hunter2");
        })
        .post("refuse", r -> {
          throw ApiException.forbidden("Not you.");
        })
        .maxBodyBytes(10)
        .log(log)
        .build();
  }

  private static FakeHttp.Response serve(InternalEndpoint e, FakeHttp.Request request) {
    FakeHttp.Response response = new FakeHttp.Response();
    e.service(request, response);
    return response;
  }

  @Test
  void aPostIsRoutedByTheLastSegmentWhateverThePrefix() {
    FakeHttp.Response r = serve(endpoint(), new FakeHttp.Request("POST", "/scheduler/batches:tick"));
    assertEquals(200, r.status);
    assertEquals("{\"started\":2}", r.text());
    String line = logged.toString(StandardCharsets.UTF_8);
    assertTrue(line.contains("\"route\":\"batches:tick\""), line);
    assertTrue(line.contains("\"status\":200"), line);
  }

  @Test
  void anUnknownSegmentIsNotFoundAsProblemJson() {
    FakeHttp.Response r = serve(endpoint(), new FakeHttp.Request("POST", "/nothing"));
    assertEquals(404, r.status);
    assertEquals(Problem.CONTENT_TYPE, r.header("Content-Type"));
  }

  @Test
  void anotherMethodIsNotAllowed() {
    FakeHttp.Response r = serve(endpoint(), new FakeHttp.Request("GET", "/batches:tick"));
    assertEquals(405, r.status);
    assertEquals("POST", r.header("Allow"));
  }

  @Test
  void aBodyOverTheLimitIsTooLarge() {
    FakeHttp.Response r = serve(endpoint(), new FakeHttp.Request("POST", "/batches:tick").json("{\"a\":\"0123456789\"}"));
    assertEquals(413, r.status);
  }

  @Test
  void aHandlersProblemIsWrittenAndLogged() {
    FakeHttp.Response r = serve(endpoint(), new FakeHttp.Request("POST", "/refuse"));
    assertEquals(403, r.status);
    assertTrue(logged.toString(StandardCharsets.UTF_8).contains("\"problem\":\"forbidden\""));
  }

  @Test
  void anUnexpectedFailureIsA500ThatRevealsNothing() {
    FakeHttp.Response r = serve(endpoint(), new FakeHttp.Request("POST", "/boom"));
    assertEquals(500, r.status);
    assertFalse(r.text().contains("hunter2"), r.text());
  }

  @Test
  void anEndpointNeedsARouteAndALog() {
    assertThrows(IllegalStateException.class, () -> InternalEndpoint.builder().log(log).build());
    assertThrows(NullPointerException.class, () -> InternalEndpoint.builder().post("x", r -> null).build());
    assertThrows(IllegalArgumentException.class, () -> InternalEndpoint.builder().post("a/b", r -> null));
  }
}
