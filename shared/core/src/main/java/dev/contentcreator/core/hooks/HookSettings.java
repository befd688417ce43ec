package dev.contentcreator.core.hooks;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import java.time.Duration;
import java.util.Objects;

/**
 * How outbound webhooks are sent: tries of a message and the waits between them (doubling from
 * {@code minBackoff} to {@code maxBackoff}), the wait for an answer, how long a rotated-out secret
 * still signs, after how many failed messages in a row a hook is switched off (0: never), and
 * whether plain http to loopback is accepted (tests against a local receiver only).
 */
public record HookSettings(int maxAttempts, Duration minBackoff, Duration maxBackoff, Duration timeout,
    Duration secretGrace, int disableAfter, boolean allowHttpLoopback) {

  public HookSettings {
    if (maxAttempts < 1 || maxAttempts > 50) {
      throw new IllegalArgumentException("HOOK_MAX_ATTEMPTS must be between 1 and 50, got " + maxAttempts);
    }
    Objects.requireNonNull(minBackoff, "minBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
      throw new IllegalArgumentException("HOOK_MIN_BACKOFF must be positive and at most HOOK_MAX_BACKOFF");
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("HOOK_TIMEOUT must be positive");
    }
    Objects.requireNonNull(secretGrace, "secretGrace");
    if (secretGrace.isNegative()) {
      throw new IllegalArgumentException("HOOK_SECRET_GRACE must not be negative");
    }
    if (disableAfter < 0) {
      throw new IllegalArgumentException("HOOK_DISABLE_AFTER must not be negative");
    }
  }

  public static HookSettings from(Config config) {
    return new HookSettings(config.get(Settings.HOOK_MAX_ATTEMPTS), config.get(Settings.HOOK_MIN_BACKOFF),
        config.get(Settings.HOOK_MAX_BACKOFF), config.get(Settings.HOOK_TIMEOUT), config.get(Settings.HOOK_SECRET_GRACE),
        config.get(Settings.HOOK_DISABLE_AFTER), config.get(Settings.HOOKS_ALLOW_HTTP_LOOPBACK));
  }

  /** The wait after failed attempt {@code attempt} (1 = the first): doubling, capped. */
  public Duration backoff(int attempt) {
    int doublings = Math.min(Math.max(attempt - 1, 0), 30);
    Duration d = minBackoff.multipliedBy(1L << Math.min(doublings, 20));
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }
}
