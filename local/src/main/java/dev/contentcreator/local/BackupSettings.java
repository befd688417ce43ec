package dev.contentcreator.local;

import dev.contentcreator.core.config.Config;
import java.time.Duration;
import java.util.Optional;

/**
 * When the local server backs up its data: {@code BACKUP_INTERVAL} (default 24h; {@code off}
 * turns the timer off) and {@code BACKUP_KEEP} (default 7), the backups kept.
 */
record BackupSettings(Optional<Duration> interval, int keep) {
  static BackupSettings from(Config env) {
    Optional<Duration> interval = Optional.empty();
    if (!env.get("BACKUP_INTERVAL", "24h").trim().equalsIgnoreCase("off")) {
      Duration every = env.getDuration("BACKUP_INTERVAL", Duration.ofHours(24));
      if (every.isNegative() || every.isZero()) {
        throw new IllegalArgumentException("BACKUP_INTERVAL must be a positive duration or off, got: " + every);
      }
      interval = Optional.of(every);
    }
    int keep = env.getInt("BACKUP_KEEP", 7);
    if (keep < 1) {
      throw new IllegalArgumentException("BACKUP_KEEP must be at least 1, got: " + keep);
    }
    return new BackupSettings(interval, keep);
  }
}
