package dev.contentcreator.embedded.queue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings the task queue and the event bus share, checked as they are set. Defaults: the
 * system clock, 8 workers, a 1 s poll interval, 30 s leases (renewed every third of that),
 * 1 h retention of finished rows, a 30 s shutdown wait, and a 5 s busy timeout.
 */
record DispatchSettings(Path file, Clock clock, int workers, Duration pollInterval, Duration leaseDuration,
    Duration retention, Duration shutdownTimeout, Duration busyTimeout) {

  /** Collects settings for one of the public builders. */
  static final class Builder {
    private final Path file;
    private Clock clock = Clock.systemUTC();
    private int workers = 8;
    private Duration pollInterval = Duration.ofSeconds(1);
    private Duration leaseDuration = Duration.ofSeconds(30);
    private Duration retention = Duration.ofHours(1);
    private Duration shutdownTimeout = Duration.ofSeconds(30);
    private Duration busyTimeout = Duration.ofSeconds(5);

    Builder(Path file) {
      this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
    }

    void clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
    }

    void workers(int value) {
      if (value < 1 || value > 1000) {
        throw new IllegalArgumentException("workers must be within 1..1000, got: " + value);
      }
      this.workers = value;
    }

    void pollInterval(Duration value) {
      this.pollInterval = positive("pollInterval", value);
    }

    void leaseDuration(Duration value) {
      positive("leaseDuration", value);
      if (value.toMillis() < 3) {
        throw new IllegalArgumentException("leaseDuration must be at least 3 ms, got: " + value);
      }
      this.leaseDuration = value;
    }

    void retention(Duration value) {
      this.retention = positive("retention", value);
    }

    void shutdownTimeout(Duration value) {
      Objects.requireNonNull(value, "shutdownTimeout");
      if (value.isNegative()) {
        throw new IllegalArgumentException("shutdownTimeout must not be negative, got: " + value);
      }
      this.shutdownTimeout = value;
    }

    void busyTimeout(Duration value) {
      Objects.requireNonNull(value, "busyTimeout");
      if (value.isNegative()) {
        throw new IllegalArgumentException("busyTimeout must not be negative, got: " + value);
      }
      this.busyTimeout = value;
    }

    DispatchSettings build() {
      return new DispatchSettings(file, clock, workers, pollInterval, leaseDuration, retention, shutdownTimeout,
          busyTimeout);
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got: " + value);
      }
      return value;
    }
  }
}
