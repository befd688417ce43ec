package dev.contentcreator.core.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import dev.contentcreator.core.ports.StoreBusyException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chain of internal functions: routing by the last segment, limits, problem+json, one log line. */
class InternalEndpointTest {
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final RequestLog log = new RequestLog(new PrintStream(logged, true, StandardCharsets.UTF_8), "demo");

  /** Lets every caller in as Cloud Tasks; the tests of refusals below use their own. */
  private static final Authenticator GOOGLE = headers -> new ServiceAccount("tasks@demo.iam.gserviceaccount.com");

  private InternalEndpoint endpoint() {
    return InternalEndpoint.builder(GOOGLE)
        .post("batches:tick", r -> ApiResponse.ok(Map.of("started", 2)))
        .post("boom", r -> {
          throw new IllegalStateException("the password is hunter2");
        })
        .post("refuse", r -> {
          throw ApiException.forbidden("Not you.");
        })
        .post("busy", r -> {
          throw new StoreBusyException("transaction lost 10 times on jobs/j1", null);
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
    assertThrows(IllegalStateException.class, () -> InternalEndpoint.builder(GOOGLE).log(log).build());
    assertThrows(NullPointerException.class, () -> InternalEndpoint.builder(GOOGLE).post("x", r -> null).build());
    assertThrows(IllegalArgumentException.class, () -> InternalEndpoint.builder(GOOGLE).post("a/b", r -> null));
  }

  @Test
  void aBusyStoreIs503WithRetryAfterAsOnTheGateway() {
    FakeHttp.Response r = serve(endpoint(), new FakeHttp.Request("POST", "/busy"));
    assertEquals(503, r.status);
    assertEquals("1", r.header("Retry-After"));
    assertFalse(r.text().contains("jobs/j1"), r.text());
    assertTrue(logged.toString(StandardCharsets.UTF_8).contains("\"problem\":\"busy\""));
  }

  @Test
  void theCallerIsProvedBeforeTheBodyIsReadAndARefusalIsLogged() {
    List<String> handled = new ArrayList<>();
    InternalEndpoint e = InternalEndpoint.builder(headers -> {
      throw ApiException.unauthorized("Send a token.");
    }).post("batches:tick", r -> {
      handled.add("tick");
      return ApiResponse.noContent();
    }).maxBodyBytes(10).log(log).build();

    FakeHttp.Response r = serve(e, new FakeHttp.Request("POST", "/batches:tick").json("{\"a\":\"0123456789\"}"));
    assertEquals(401, r.status, "not 413: nothing is read for a caller not proved");
    assertTrue(handled.isEmpty());
    assertTrue(logged.toString(StandardCharsets.UTF_8).contains("\"problem\":\"unauthorized\""));
  }

  @Test
  void noRouteCanBeAddedWithoutAnAuthenticatorThatChecksTheCaller() {
    assertThrows(NullPointerException.class, () -> InternalEndpoint.builder(null));
    assertThrows(IllegalArgumentException.class, () -> InternalEndpoint.builder(Authenticator.none()));
    assertEquals(0, InternalEndpoint.Builder.class.getConstructors().length, "a builder is made by builder() only");
    for (Method m : InternalEndpoint.class.getMethods()) {
      if (m.getReturnType() == InternalEndpoint.Builder.class) {
        assertArrayEquals(new Class<?>[] {Authenticator.class}, m.getParameterTypes(), m.toString());
      }
    }
  }
}
