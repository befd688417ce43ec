package dev.contentcreator.core.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.http.ApiException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallbackUrlsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final String SECRET = "s3cret";

  private static CallbackUrls at(Instant now) {
    return CallbackUrls.from(Config.of(Map.of("GOAPI_WEBHOOK_SECRET", SECRET, "WEBHOOK_MAX_AGE", "30m",
        "WEBHOOK_TOLERANCE", "5m")), Clock.fixed(now, ZoneOffset.UTC)).orElseThrow();
  }

  private static Map<String, String> query(String url) {
    Map<String, String> q = new HashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      q.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    return q;
  }

  private static String verify(CallbackUrls c, Map<String, String> q, String body) {
    return c.verify("goapi", Optional.ofNullable(q.get("item")), Optional.ofNullable(q.get("ts")),
        Optional.ofNullable(q.get("sig")), body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anAddressIssuedHereIsAcceptedWithinItsAge() {
    String url = CallbackUrls.forItem("https://app.example", "goapi", "item1", SECRET, T0);
    assertTrue(url.startsWith("https://app.example/api/webhooks/goapi?item=item1&ts="), url);
    assertEquals("item1", verify(at(T0.plus(Duration.ofMinutes(29))), query(url), "{}"));
  }

  @Test
  void anAddressOlderThanTheMaximumAgeIsRefused() {
    String url = CallbackUrls.forItem("https://app.example", "goapi", "item1", SECRET, T0);
    ApiException e = assertThrows(ApiException.class,
        () -> verify(at(T0.plus(Duration.ofMinutes(31))), query(url), "{}"));
    assertEquals(401, e.status());
  }

  @Test
  void aChangedItemTimeOrSecretBreaksTheSignature() {
    Map<String, String> q = query(CallbackUrls.forItem("https://app.example", "goapi", "item1", SECRET, T0));
    Map<String, String> other = new HashMap<>(q);
    other.put("item", "item2");
    assertThrows(ApiException.class, () -> verify(at(T0), other, "{}"));
    Map<String, String> later = new HashMap<>(q);
    later.put("ts", Long.toString(T0.getEpochSecond() + 60));
    assertThrows(ApiException.class, () -> verify(at(T0), later, "{}"));
    Map<String, String> forged = query(CallbackUrls.forItem("https://app.example", "goapi", "item1", "other", T0));
    assertThrows(ApiException.class, () -> verify(at(T0), forged, "{}"));
    assertThrows(ApiException.class, () -> verify(at(T0), Map.of("item", "item1"), "{}"));
  }

  @Test
  void aBodyTimestampOutsideTheToleranceIsRefused() {
    Map<String, String> q = query(CallbackUrls.forItem("https://app.example", "goapi", "item1", SECRET, T0));
    long stale = T0.getEpochSecond() - 600;
    assertThrows(ApiException.class, () -> verify(at(T0), q, "{\"timestamp\":" + stale + ",\"data\":{}}"));
    assertEquals("item1", verify(at(T0), q, "{\"timestamp\":" + (T0.getEpochSecond() - 60) + ",\"data\":{}}"));
  }

  @Test
  void noSecretMeansNoCallbacks() {
    assertTrue(CallbackUrls.from(Config.of(Map.of()), Clock.systemUTC()).isEmpty());
  }
}
