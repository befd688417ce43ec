package dev.contentcreator.core.http;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.ports.RateLimiter.Limit;
import java.time.Duration;
import java.util.Optional;

/**
 * The gateway's settings, from configuration:
 * {@code MAX_BODY_BYTES} (default 1 MiB), {@code RATE_LIMIT_PER_USER} (default {@code 300/1m}),
 * {@code RATE_LIMIT_PER_IP} (default {@code 600/1m}; {@code off} disables either),
 * {@code RATE_LIMIT_PER_PEER} (default {@code 6000/1m}: the address the function's own front end
 * saw, when more than one proxy is trusted; a CDN or gateway node carries many clients),
 * {@code TRUSTED_PROXY_HOPS} (default 1: how many proxies append to X-Forwarded-For after the
 * client), and {@code GOOGLE_CLOUD_PROJECT} or {@code FIREBASE_PROJECT_ID} for trace names.
 */
public record GatewaySettings(
    long maxBodyBytes,
    Optional<Limit> perUser,
    Optional<Limit> perIp,
    Optional<Limit> perPeer,
    int trustedProxyHops,
    String projectId) {

  public static GatewaySettings from(Config config) {
    long maxBody = config.getLong("MAX_BODY_BYTES", 1024 * 1024);
    if (maxBody < 1) {
      throw new IllegalArgumentException("MAX_BODY_BYTES must be positive, got: " + maxBody);
    }
    int hops = config.getInt("TRUSTED_PROXY_HOPS", 1);
    if (hops < 0) {
      throw new IllegalArgumentException("TRUSTED_PROXY_HOPS must be 0 or more, got: " + hops);
    }
    return new GatewaySettings(
        maxBody,
        parseLimit("RATE_LIMIT_PER_USER", config.get("RATE_LIMIT_PER_USER", "300/1m")),
        parseLimit("RATE_LIMIT_PER_IP", config.get("RATE_LIMIT_PER_IP", "600/1m")),
        parseLimit("RATE_LIMIT_PER_PEER", config.get("RATE_LIMIT_PER_PEER", "6000/1m")),
        hops,
        config.find("GOOGLE_CLOUD_PROJECT").or(() -> config.find("FIREBASE_PROJECT_ID")).orElse("demo-contentcreator"));
  }

  /** Reads {@code 300/1m} (300 requests a minute, in bursts of up to 300) or {@code off}. */
  static Optional<Limit> parseLimit(String name, String value) {
    if (value.equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    String[] parts = value.split("/", 2);
    try {
      long capacity = Long.parseLong(parts[0].trim());
      Duration period = Config.of(java.util.Map.of("v", parts.length == 2 ? parts[1].trim() : "1m"))
          .getDuration("v", Duration.ofMinutes(1));
      return Optional.of(new Limit(capacity, period));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(name + " must look like 300/1m or be off, got: " + value, e);
    }
  }
}
