package dev.contentcreator.core.publishing;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import java.time.Duration;
import java.util.Objects;

/**
 * How publications are tried: at most {@code maxAttempts} tries, waits doubling from
 * {@code minBackoff} to {@code maxBackoff}, {@code timeout} per call to a target, and whether plain
 * http to loopback is accepted (tests against a local fake only).
 */
public record PublishingSettings(int maxAttempts, Duration minBackoff, Duration maxBackoff, Duration timeout,
    boolean allowHttpLoopback) {

  public PublishingSettings {
    if (maxAttempts < 1 || maxAttempts > 20) {
      throw new IllegalArgumentException("PUBLISH_MAX_ATTEMPTS must be between 1 and 20, got " + maxAttempts);
    }
    Objects.requireNonNull(minBackoff, "minBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
      throw new IllegalArgumentException("PUBLISH_MIN_BACKOFF must be positive and at most PUBLISH_MAX_BACKOFF");
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("PUBLISH_TIMEOUT must be positive");
    }
  }

  public static PublishingSettings from(Config config) {
    return new PublishingSettings(config.get(Settings.PUBLISH_MAX_ATTEMPTS), config.get(Settings.PUBLISH_MIN_BACKOFF),
        config.get(Settings.PUBLISH_MAX_BACKOFF), config.get(Settings.PUBLISH_TIMEOUT),
        config.get(Settings.PUBLISH_ALLOW_HTTP_LOOPBACK));
  }

  /** The wait after failed try {@code attempt} (1 = the first): doubling, capped. */
  public Duration backoff(int attempt) {
    int doublings = Math.min(Math.max(attempt - 1, 0), 20);
    Duration d = minBackoff.multipliedBy(1L << doublings);
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }

  /**
   * How long a claimed try holds its publication before another delivery of its task may take it
   * over (the claimant died): the calls of one try (a lookup, an upload, tags, the post) with room.
   */
  public Duration lease() {
    return timeout.multipliedBy(12);
  }
}
