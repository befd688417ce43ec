package dev.contentcreator.local;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import java.time.Duration;
import java.util.Optional;

/**
 * When the local server backs up its data: {@code BACKUP_INTERVAL} (default 24h; {@code off}
 * turns the timer off) and {@code BACKUP_KEEP} (default 7), the backups kept.
 */
record BackupSettings(Optional<Duration> interval, int keep) {
  static BackupSettings from(Config env) {
    Optional<Duration> interval = env.get(Settings.BACKUP_INTERVAL);
    if (interval.isPresent() && (interval.get().isNegative() || interval.get().isZero())) {
      throw new IllegalArgumentException("BACKUP_INTERVAL must be a positive duration or off, got: " + interval.get());
    }
    int keep = env.get(Settings.BACKUP_KEEP);
    if (keep < 1) {
      throw new IllegalArgumentException("BACKUP_KEEP must be at least 1, got: " + keep);
    }
    return new BackupSettings(interval, keep);
  }
}
