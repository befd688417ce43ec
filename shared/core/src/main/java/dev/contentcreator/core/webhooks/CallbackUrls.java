package dev.contentcreator.core.webhooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The addresses a provider calls back, and the checks on a call that arrives at one.
 *
 * <p>GoAPI proves itself with a shared secret in {@code x-webhook-secret} and signs nothing, so a
 * captured callback could be sent again at any later time. The address handed to the provider for
 * each item therefore carries the item, the time it was issued and an HMAC-SHA256 over provider,
 * item and time, keyed with a key derived from the webhook secret. A call is accepted only when its address
 * is signed, was issued at most {@code WEBHOOK_MAX_AGE} ago (and not in the future beyond the
 * tolerance), and, when the body carries GoAPI's top-level {@code timestamp} (Unix seconds), that
 * timestamp is within {@code WEBHOOK_TOLERANCE} of now. The caller then checks that the task the
 * body names belongs to the item the address names. Replays inside the window change nothing:
 * an item is completed once (a finished item ignores later calls).
 */
public final class CallbackUrls {
  private static final Pattern ITEM = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern PROVIDER = Pattern.compile("[a-z0-9-]{1,32}");

  private final byte[] key;
  private final Duration maxAge;
  private final Duration tolerance;
  private final Clock clock;

  private CallbackUrls(byte[] key, Duration maxAge, Duration tolerance, Clock clock) {
    this.key = key;
    this.maxAge = maxAge;
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /**
   * From {@code GOAPI_WEBHOOK_SECRET} (the signing key is derived from it), {@code WEBHOOK_MAX_AGE}
   * (30m, longer than an item may wait for its provider) and {@code WEBHOOK_TOLERANCE} (5m). Empty
   * when no secret is set: no callbacks are handed out then.
   */
  public static Optional<CallbackUrls> from(Config config, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    Optional<String> secret = config.find(Settings.GOAPI_WEBHOOK_SECRET).filter(k -> !k.isBlank());
    if (secret.isEmpty()) {
      return Optional.empty();
    }
    Duration maxAge = positive(config.get(Settings.WEBHOOK_MAX_AGE), "WEBHOOK_MAX_AGE");
    Duration tolerance = positive(config.get(Settings.WEBHOOK_TOLERANCE), "WEBHOOK_TOLERANCE");
    return Optional.of(new CallbackUrls(keyOf(secret.get()), maxAge, tolerance, clock));
  }

  /**
   * The address for one item's callbacks, under {@code publicBaseUrl} (no trailing slash), issued
   * at {@code now} and signed with a key derived from {@code webhookSecret}.
   */
  public static String forItem(String publicBaseUrl, String provider, String itemId, String webhookSecret,
      Instant now) {
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    Objects.requireNonNull(webhookSecret, "webhookSecret");
    requireMatch(PROVIDER, provider, "provider");
    requireMatch(ITEM, itemId, "itemId");
    long issued = now.getEpochSecond();
    return publicBaseUrl + "/api/webhooks/" + provider + "?item=" + itemId + "&ts=" + issued + "&sig="
        + signature(keyOf(webhookSecret), provider, itemId, issued);
  }

  /** The signing key: never the secret itself, which travels in every callback's header. */
  private static byte[] keyOf(String webhookSecret) {
    return hmacBytes(webhookSecret.getBytes(StandardCharsets.UTF_8), "callback-url-key-v1");
  }

  /**
   * Checks a call's address and body time; returns the item the address was issued for.
   *
   * @throws ApiException 401 when the address is unsigned, forged or stale, or the body's time is
   *     outside the tolerance
   */
  public String verify(String provider, Optional<String> item, Optional<String> ts, Optional<String> sig,
      byte[] body) {
    if (item.isEmpty() || ts.isEmpty() || sig.isEmpty() || !ITEM.matcher(item.get()).matches()
        || !ts.get().matches("\\d{1,12}")) {
      throw refused("The callback address is not one this service issued.");
    }
    long issued = Long.parseLong(ts.get());
    byte[] expected = signature(key, provider, item.get(), issued).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, sig.get().getBytes(StandardCharsets.US_ASCII))) {
      throw refused("The callback address is not one this service issued.");
    }
    Instant now = clock.instant();
    Instant at = Instant.ofEpochSecond(issued);
    if (at.isBefore(now.minus(maxAge)) || at.isAfter(now.plus(tolerance))) {
      throw refused("The callback address has expired; the item is finished by polling instead.");
    }
    Optional<Instant> sent = bodyTimestamp(body);
    if (sent.isPresent() && (sent.get().isBefore(now.minus(tolerance)) || sent.get().isAfter(now.plus(tolerance)))) {
      throw refused("The callback's timestamp is outside the accepted window.");
    }
    return item.get();
  }

  /** GoAPI's top-level {@code timestamp} (Unix seconds), when the body has one. */
  private static Optional<Instant> bodyTimestamp(byte[] body) {
    try {
      JsonElement root = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
      if (!root.isJsonObject()) {
        return Optional.empty();
      }
      JsonObject o = root.getAsJsonObject();
      JsonElement t = o.get("timestamp");
      if (t == null || !t.isJsonPrimitive() || !t.getAsJsonPrimitive().isNumber()) {
        return Optional.empty();
      }
      return Optional.of(Instant.ofEpochSecond(t.getAsLong()));
    } catch (JsonParseException | NumberFormatException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String signature(byte[] key, String provider, String itemId, long issued) {
    byte[] mac = hmacBytes(key, provider + "\n" + itemId + "\n" + issued);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
  }

  private static byte[] hmacBytes(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static ApiException refused(String detail) {
    return ApiException.unauthorized(detail);
  }

  private static void requireMatch(Pattern p, String value, String name) {
    Objects.requireNonNull(value, name);
    if (!p.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " cannot be put in a callback address: " + value);
    }
  }

  private static Duration positive(Duration d, String name) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
    return d;
  }
}
