package dev.contentcreator.core.http;

import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.core.ports.RateLimiter.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The public gateway's rate limits, on every route that is not open to anyone: before the token
 * is checked, by the client's address and by the nearest peer (429 with Retry-After; 503 when the
 * limiter's store fails, so an outage never lifts the limit on anonymous traffic); by person once
 * the person is known (a failing store lets a signed-in person through, since the address limit
 * already held them). The buckets of one step are taken together, all or none, in one call of the
 * limiter (one Redis round trip). When the route's authenticator recalls the token's person without
 * checking anything, the person's bucket joins the address's, so a signed-in client's requests cost
 * one call after its first. The answer carries the {@code RateLimit-*} headers of the tightest bucket.
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
    List<RateLimiter.Bucket> buckets = new ArrayList<>(4);
    if (target.addressLimit() != null) {
      // The route's own bucket (a public share link's): by the client's address, failing closed.
      add(buckets, target.addressLimit().key() + ":ip:" + call.clientIp.orElse("unknown"),
          Optional.of(target.addressLimit().limit()));
    }
    if (target.authenticator().isOpen()) {
      limit(buckets, call.headers, true);
      return;
    }
    add(buckets, "ip:" + call.clientIp.orElse("unknown"), settings.perIp());
    Optional<String> peer = ClientIp.nearestPeer(call.forwardedFor, settings.trustedProxyHops());
    if (peer.isPresent() && !peer.equals(call.clientIp)) {
      add(buckets, "peer:" + peer.get(), settings.perPeer());
    }
    if (settings.perUser().isPresent()) {
      Optional<Caller> known = target.authenticator().recall(call.request::getFirstHeader);
      if (known.isPresent()) {
        add(buckets, "user:" + known.get().uid(), settings.perUser());
        call.personLimited = true;
        call.recalled = known.get();
        call.uid = known.get().uid(); // a refusal here is logged under the person it limited
      }
    }
    limit(buckets, call.headers, true);
  }

  @Override
  public void afterAuthentication(Call call, Principal who) {
    if (who instanceof Caller person && !call.personLimited) {
      List<RateLimiter.Bucket> buckets = new ArrayList<>(1);
      add(buckets, "user:" + person.uid(), settings.perUser());
      limit(buckets, call.headers, false);
    }
  }

  private static void add(List<RateLimiter.Bucket> buckets, String key, Optional<RateLimiter.Limit> limit) {
    limit.ifPresent(l -> buckets.add(new RateLimiter.Bucket(key, l)));
  }

  /** Takes one token of every bucket, or throws 429; a failing store as described on the class. */
  private void limit(List<RateLimiter.Bucket> buckets, Map<String, String> headers, boolean failClosed) {
    if (buckets.isEmpty()) {
      return;
    }
    List<Decision> decisions;
    try {
      decisions = rateLimiter.get().tryAcquireAll(buckets);
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
    boolean refused = !RateLimiter.allAllowed(decisions);
    Duration retry = null;
    for (int i = 0; i < buckets.size(); i++) {
      Decision d = decisions.get(i);
      if (refused && d.allowed()) {
        continue; // the headers of a refusal are the empty bucket's
      }
      String remainingBefore = headers.get("RateLimit-Remaining");
      if (remainingBefore == null || d.remaining() <= Long.parseLong(remainingBefore) || !d.allowed()) {
        headers.put("RateLimit-Limit", Long.toString(d.limit()));
        headers.put("RateLimit-Remaining", Long.toString(d.remaining()));
        headers.put("RateLimit-Reset", Long.toString(ceilSeconds(d.resetAfter())));
        headers.put("RateLimit-Policy", d.limit() + ";w=" + ceilSeconds(buckets.get(i).limit().period()));
      }
      if (!d.allowed() && (retry == null || d.retryAfter().compareTo(retry) > 0)) {
        retry = d.retryAfter();
      }
    }
    if (retry != null) {
      long seconds = Math.max(1, ceilSeconds(retry));
      throw ApiException.of(429, "rate-limited", "Too many requests",
          "Slow down: try again in " + seconds + " s.").withHeaders(Map.of("Retry-After", Long.toString(seconds)));
    }
  }

  private static long ceilSeconds(Duration d) {
    long s = d.getSeconds();
    return d.getNano() > 0 ? s + 1 : s;
  }
}
