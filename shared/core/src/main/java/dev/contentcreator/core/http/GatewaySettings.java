package dev.contentcreator.core.http;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.ProjectId;
import dev.contentcreator.core.config.Setting;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.ports.RateLimiter.Limit;
import java.util.Optional;

/**
 * The gateway's settings, from configuration:
 * {@code MAX_BODY_BYTES} (default 1 MiB), {@code RATE_LIMIT_PER_USER} (default {@code 300/1m}),
 * {@code RATE_LIMIT_PER_IP} (default {@code 600/1m}; {@code off} disables either),
 * {@code RATE_LIMIT_PER_PEER} (default {@code 6000/1m}: the address the function's own front end
 * saw, when more than one proxy is trusted; a CDN or gateway node carries many clients),
 * {@code TRUSTED_PROXY_HOPS} (default 1: how many proxies append to X-Forwarded-For after the
 * client), and the project ({@link ProjectId}) for trace names. Read once, by the gateway that uses them.
 */
public record GatewaySettings(
    long maxBodyBytes,
    Optional<Limit> perUser,
    Optional<Limit> perIp,
    Optional<Limit> perPeer,
    int trustedProxyHops,
    String projectId) {

  public static GatewaySettings from(Config config) {
    long maxBody = config.get(Settings.MAX_BODY_BYTES);
    if (maxBody < 1) {
      throw new IllegalArgumentException("MAX_BODY_BYTES must be positive, got: " + maxBody);
    }
    int hops = config.get(Settings.TRUSTED_PROXY_HOPS);
    if (hops < 0) {
      throw new IllegalArgumentException("TRUSTED_PROXY_HOPS must be 0 or more, got: " + hops);
    }
    return new GatewaySettings(
        maxBody,
        config.get(Settings.RATE_LIMIT_PER_USER),
        config.get(Settings.RATE_LIMIT_PER_IP),
        config.get(Settings.RATE_LIMIT_PER_PEER),
        hops,
        ProjectId.resolve(config));
  }

  /** Reads {@code 300/1m} (300 requests a minute, in bursts of up to 300) or {@code off}, as the catalog does. */
  static Optional<Limit> parseLimit(String name, String value) {
    return Setting.rate(name, null, "a token bucket").parse(value);
  }
}
