package dev.contentcreator.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmallPartsTest {
  @Test
  void ifMatchAcceptsTheCurrentVersionStarAndAbsence() {
    Etags.check("\"3\"", 3);
    Etags.check("W/\"3\"", 3);
    Etags.check("\"1\", \"3\"", 3);
    Etags.check("*", 3);
    Etags.check(null, 3);
  }

  @Test
  void ifMatchRefusesAStaleVersionWith412() {
    assertEquals(412, assertThrows(ApiException.class, () -> Etags.check("\"2\"", 3)).status());
  }

  @Test
  void ifMatchRefusesAMalformedTagWith400() {
    assertEquals(400, assertThrows(ApiException.class, () -> Etags.check("3", 3)).status());
  }

  @Test
  void theClientIpIsTheEntryAddedByTheTrustedProxy() {
    assertEquals(Optional.of("198.51.100.7"), ClientIp.from(Optional.of("6.6.6.6, 198.51.100.7"), 1));
    assertEquals(Optional.of("198.51.100.7"), ClientIp.from(Optional.of("6.6.6.6, 198.51.100.7, 10.0.0.1"), 2));
    assertEquals(Optional.of("6.6.6.6"), ClientIp.from(Optional.of("6.6.6.6"), 3));
    assertEquals(Optional.empty(), ClientIp.from(Optional.of("not an ip <script>"), 1));
    // Blank entries do not count as hops, wherever the commas are.
    assertEquals(Optional.of("198.51.100.7"), ClientIp.from(Optional.of(" ,6.6.6.6,, 198.51.100.7 ,10.0.0.1, "), 2));
    assertEquals(Optional.of("6.6.6.6"), ClientIp.from(Optional.of(",,6.6.6.6,"), 2));
    assertEquals(Optional.empty(), ClientIp.from(Optional.of(" , ,"), 1));
    assertEquals(Optional.empty(), ClientIp.from(Optional.of(""), 1));
    assertEquals(Optional.empty(), ClientIp.from(Optional.of("198.51.100.7"), 0));
  }

  @Test
  void traceComesFromTraceparentOrCloudTraceContext() {
    Trace w3c = Trace.from(Optional.of("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), Optional.empty()).get();
    assertEquals("0af7651916cd43dd8448eb211c80319c", w3c.traceId());
    Trace cloud = Trace.from(Optional.empty(), Optional.of("105445aa7843bc8bf206b12000100000/1;o=1")).get();
    assertEquals("105445aa7843bc8bf206b12000100000", cloud.traceId());
    assertEquals("0000000000000001", cloud.spanId());
    assertTrue(Trace.from(Optional.of("garbage"), Optional.empty()).isEmpty());
  }

  @Test
  void rateLimitSettingsReadCountAndPeriodOrOff() {
    assertEquals(Duration.ofMinutes(1), GatewaySettings.parseLimit("X", "300/1m").get().period());
    assertEquals(5, GatewaySettings.parseLimit("X", "5/10s").get().capacity());
    assertTrue(GatewaySettings.parseLimit("X", "off").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> GatewaySettings.parseLimit("X", "lots"));
  }

  @Test
  void routesBindDecodedPathParameters() {
    Router r = Router.builder().get("/api/p/{id}/m/{uid}", x -> ApiResponse.noContent()).build();
    Router.Match m = r.match("GET", "/api/p/a%20b/m/u1");
    assertEquals("a b", m.pathParams().get("id"));
    assertEquals("u1", m.pathParams().get("uid"));
    assertEquals(404, assertThrows(ApiException.class, () -> r.match("GET", "/api/p//m/u1")).status());
  }

  @Test
  void aRouteDefinedTwiceIsRefused() {
    Router.Builder b = Router.builder().get("/api/x", x -> ApiResponse.noContent());
    assertThrows(IllegalArgumentException.class, () -> b.get("/api/x", x -> ApiResponse.noContent()));
  }

  @Test
  void theNearestPeerIsTheLastEntryOnlyWhenMoreThanOneProxyIsTrusted() {
    assertEquals(Optional.of("10.0.0.1"), ClientIp.nearestPeer(Optional.of("6.6.6.6, 198.51.100.7, 10.0.0.1"), 2));
    assertEquals(Optional.empty(), ClientIp.nearestPeer(Optional.of("6.6.6.6, 198.51.100.7"), 1));
    assertEquals(Optional.empty(), ClientIp.nearestPeer(Optional.empty(), 2));
    assertEquals(Optional.of("10.0.0.1"), ClientIp.nearestPeer(Optional.of("6.6.6.6, 10.0.0.1 , "), 2));
  }

  @Test
  void aSensitiveRouteIsMarkedAndOnlyAfterARouteThatHasACaller() {
    Router r = Router.builder().get("/api/a", x -> ApiResponse.noContent())
        .delete("/api/a", x -> ApiResponse.noContent()).sensitive().build();
    assertEquals(false, r.match("GET", "/api/a").route().isSensitive());
    assertEquals(true, r.match("DELETE", "/api/a").route().isSensitive());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> Router.builder().sensitive());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> Router.builder().publicGet("/api/h", x -> ApiResponse.noContent()).sensitive());
  }
}
