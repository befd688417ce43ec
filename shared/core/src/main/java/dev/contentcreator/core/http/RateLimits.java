package dev.contentcreator.core.http;

import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.core.ports.RateLimiter.Decision;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The public gateway's rate limits, on every route that is not open to anyone: before the token
 * is checked, by the client's address and by the nearest peer (429 with Retry-After; 503 when the
 * limiter's store fails, so an outage never lifts the limit on anonymous traffic); once the person
 * is known, by person (a failing store lets a signed-in person through, since the address limit
 * already held them). The answer carries the {@code RateLimit-*} headers of the tightest bucket.
 */
final class RateLimits implements Pipeline.Limits {
  private final Supplier<RateLimiter> rateLimiter;
  private final GatewaySettings settings;

  /** {@code rateLimiter} is asked for only when the first limited request comes. */
  RateLimits(Supplier<RateLimiter> rateLimiter, GatewaySettings settings) {
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * The client as the trusted proxies report it, and the nearest peer (the address the last
   * trusted proxy saw) under a wider limit, so a caller who reaches the function directly and
   * writes its own X-Forwarded-For entries is still held by its real address.
   */
  @Override
  public void beforeAuthentication(Call call, Pipeline.Target target) {
    if (target.authenticator().isOpen()) {
      return;
    }
    limit("ip:" + call.clientIp.orElse("unknown"), settings.perIp(), call.headers, true);
    Optional<String> peer = ClientIp.nearestPeer(call.forwardedFor, settings.trustedProxyHops());
    if (peer.isPresent() && !peer.equals(call.clientIp)) {
      limit("peer:" + peer.get(), settings.perPeer(), call.headers, true);
    }
  }

  @Override
  public void afterAuthentication(Call call, Principal who) {
    if (who instanceof Caller person) {
      limit("user:" + person.uid(), settings.perUser(), call.headers, false);
    }
  }

  /** Takes one token of {@code key}'s bucket, or throws 429; a failing store as described on the class. */
  private void limit(String key, Optional<RateLimiter.Limit> limit, Map<String, String> headers, boolean failClosed) {
    if (limit.isEmpty()) {
      return;
    }
    Decision d;
    try {
      d = rateLimiter.get().tryAcquire(key, limit.get());
    } catch (RuntimeException e) {
      if (failClosed) {
        Log.error("rate limiter unavailable, unauthenticated request refused", e);
        throw ApiException.of(503, "rate-limiter-unavailable", "Temporarily unavailable",
            "We cannot check request limits right now; please try again in a few seconds.")
            .withHeaders(Map.of("Retry-After", "5"));
      }
      Log.warning("rate limiter unavailable, signed-in request let through", e);
      return;
    }
    String remainingBefore = headers.get("RateLimit-Remaining");
    if (remainingBefore == null || d.remaining() <= Long.parseLong(remainingBefore) || !d.allowed()) {
      headers.put("RateLimit-Limit", Long.toString(d.limit()));
      headers.put("RateLimit-Remaining", Long.toString(d.remaining()));
      headers.put("RateLimit-Reset", Long.toString(ceilSeconds(d.resetAfter())));
      headers.put("RateLimit-Policy", d.limit() + ";w=" + ceilSeconds(limit.get().period()));
    }
    if (!d.allowed()) {
      long retry = Math.max(1, ceilSeconds(d.retryAfter()));
      throw ApiException.of(429, "rate-limited", "Too many requests",
          "Slow down: try again in " + retry + " s.").withHeaders(Map.of("Retry-After", Long.toString(retry)));
    }
  }

  private static long ceilSeconds(Duration d) {
    long s = d.getSeconds();
    return d.getNano() > 0 ? s + 1 : s;
  }
}
