package dev.contentcreator.core.generation;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.http.ApiException;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of live job streams, from configuration; the README lists them with their defaults.
 *
 * @param maxPerPerson streams one person may hold open at once, across all instances
 * @param maxDuration how long one stream lasts before it ends and the client resumes with
 *     {@code Last-Event-ID}; below the 60 s at which Firebase Hosting and API Gateway cut answers
 * @param checkInterval how often a stream reads the job's document alone to see whether another
 *     process changed it
 * @param retry the reconnect delay the stream asks the client for ({@code retry:})
 */
public record StreamSettings(int maxPerPerson, Duration maxDuration, Duration checkInterval, Duration retry) {
  /** A comment line goes out after this much silence, so proxies keep the connection. */
  public static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  public StreamSettings {
    if (maxPerPerson < 1 || maxPerPerson > 100) {
      throw new IllegalArgumentException("STREAM_MAX_PER_PERSON must be from 1 to 100, got: " + maxPerPerson);
    }
    requireBetween("STREAM_MAX_DURATION", maxDuration, Duration.ofMillis(100), Duration.ofMinutes(15));
    requireBetween("STREAM_CHECK_INTERVAL", checkInterval, Duration.ofMillis(100), Duration.ofMinutes(1));
    requireBetween("STREAM_RETRY", retry, Duration.ofMillis(100), Duration.ofMinutes(1));
  }

  /** The 429 for a person whose every stream slot is taken, saying when to try again. */
  public ApiException tooManyStreams() {
    long wait = Math.max(1, maxDuration.toSeconds());
    return ApiException.of(429, "too-many-streams", "Too many live streams",
        "You have " + maxPerPerson + " live views open, the most one person may at once. Close one, "
            + "or try again in " + wait + " s.").withHeaders(Map.of("Retry-After", Long.toString(wait)));
  }

  public static StreamSettings from(Config c) {
    return new StreamSettings(
        c.get(Settings.STREAM_MAX_PER_PERSON),
        c.get(Settings.STREAM_MAX_DURATION),
        c.get(Settings.STREAM_CHECK_INTERVAL),
        c.get(Settings.STREAM_RETRY));
  }

  private static void requireBetween(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", got: " + value);
    }
  }
}
