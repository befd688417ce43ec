package dev.contentcreator.core.shares;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.ports.RateLimiter.Limit;
import java.util.Optional;

/**
 * The limits of the public share-link routes: {@code SHARE_RATE_LIMIT_PER_IP} (default
 * {@code 120/1m}) on every one of them, {@code SHARE_UNLOCK_LIMIT_PER_IP} (default {@code 10/1m})
 * more on password tries, and {@code SHARE_UNLOCK_LIMIT_PER_LINK} (default {@code 20/15m}) on the
 * password tries at one link from anywhere. {@code off} disables one.
 */
public record ShareSettings(Optional<Limit> perIp, Optional<Limit> unlockPerIp, Optional<Limit> unlockPerLink) {
  public static ShareSettings from(Config config) {
    return new ShareSettings(config.get(Settings.SHARE_RATE_LIMIT_PER_IP),
        config.get(Settings.SHARE_UNLOCK_LIMIT_PER_IP), config.get(Settings.SHARE_UNLOCK_LIMIT_PER_LINK));
  }
}
