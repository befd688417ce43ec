package dev.contentcreator.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The raw settings of a process: environment variables (or, in tests, a map). Product code reads
 * them through the catalog, {@code config.get(Settings.X)} or {@code config.find(Settings.X)}, so
 * each has one type and one default; the string getters remain for tests and for the catalog.
 */
public final class Config {
  private final Map<String, String> values;

  private Config(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static Config fromEnvironment() {
    return new Config(System.getenv());
  }

  public static Config of(Map<String, String> values) {
    return new Config(values);
  }

  /** This config with some settings replaced. */
  public Config with(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(values);
    merged.putAll(overrides);
    return new Config(merged);
  }

  public Optional<String> find(String name) {
    String v = values.get(Objects.requireNonNull(name, "name"));
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  /** The value of a setting of the catalog, else its default; see {@link Setting#read}. */
  public <T> T get(Setting<T> setting) {
    return setting.read(this);
  }

  /** The value of a setting of the catalog, if set; see {@link Setting#find}. */
  public <T> Optional<T> find(Setting<T> setting) {
    return setting.find(this);
  }

  public String get(String name, String defaultValue) {
    return find(name).orElse(defaultValue);
  }

  public int getInt(String name, int defaultValue) {
    return find(name).map(v -> parse(name, v, Integer::parseInt)).orElse(defaultValue);
  }

  public long getLong(String name, long defaultValue) {
    return find(name).map(v -> parse(name, v, Long::parseLong)).orElse(defaultValue);
  }

  public boolean getBoolean(String name, boolean defaultValue) {
    return find(name).map(v -> {
      if (v.equalsIgnoreCase("true") || v.equals("1")) {
        return true;
      }
      if (v.equalsIgnoreCase("false") || v.equals("0")) {
        return false;
      }
      throw new IllegalArgumentException(name + " must be true or false, got: " + v);
    }).orElse(defaultValue);
  }

  /**
   * A duration written as ISO-8601 ({@code PT30S}) or as a number with a unit: 500ms, 30s, 5m, 2h, 7d;
   * a bare {@code 0} is no time at all.
   */
  public Duration getDuration(String name, Duration defaultValue) {
    return find(name).map(v -> parse(name, v, Config::parseDuration)).orElse(defaultValue);
  }

  public Path getPath(String name, String defaultValue) {
    return Path.of(get(name, defaultValue)).toAbsolutePath().normalize();
  }

  /** Reads a duration as {@link #getDuration} does; throws IllegalArgumentException when it cannot. */
  public static Duration parseDuration(String v) {
    if (v.startsWith("P") || v.startsWith("p")) {
      return Duration.parse(v);
    }
    if (v.equals("0")) {
      return Duration.ZERO;
    }
    var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h|d)").matcher(v);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("setting " + name + " has a value that cannot be read: " + value, e);
    }
  }
}
