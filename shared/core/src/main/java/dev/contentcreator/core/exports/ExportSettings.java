package dev.contentcreator.core.exports;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import java.time.Duration;
import java.util.Objects;

/**
 * Exports built in the background: how long a built file is kept ({@code EXPORT_KEEP}), how long
 * one signed download link works ({@code EXPORT_LINK_TTL}), and from how many rows the web app
 * builds a run's file in the background instead of streaming it ({@code EXPORT_BACKGROUND_ROWS}).
 */
public record ExportSettings(Duration keep, Duration linkTtl, int backgroundRows) {
  public ExportSettings {
    Objects.requireNonNull(keep, "keep");
    Objects.requireNonNull(linkTtl, "linkTtl");
    if (keep.isNegative() || keep.isZero()) {
      throw new IllegalArgumentException("EXPORT_KEEP must be positive");
    }
    if (linkTtl.isNegative() || linkTtl.isZero() || linkTtl.compareTo(Duration.ofDays(7)) > 0) {
      throw new IllegalArgumentException("EXPORT_LINK_TTL must be positive and at most 7 days (a signed URL's limit)");
    }
    if (backgroundRows < 0) {
      throw new IllegalArgumentException("EXPORT_BACKGROUND_ROWS must not be negative");
    }
  }

  public static ExportSettings from(Config config) {
    return new ExportSettings(config.get(Settings.EXPORT_KEEP), config.get(Settings.EXPORT_LINK_TTL),
        config.get(Settings.EXPORT_BACKGROUND_ROWS));
  }
}
