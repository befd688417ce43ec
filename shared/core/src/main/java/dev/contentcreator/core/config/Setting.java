package dev.contentcreator.core.config;

import dev.contentcreator.core.ports.RateLimiter.Limit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One setting of the catalog ({@link Settings}): its environment variable, its type (which is its
 * parser), its default as the README writes it, and what it does. Reading goes through
 * {@link #read} (the value, else the default) or {@link #find} (the value only, for settings whose
 * absence means something). Immutable and thread-safe.
 *
 * @param <T> the type a value is read as
 */
public final class Setting<T> {
  /** The types a setting may have; each is the parser of its values and of its default. */
  public enum Type { STRING, INT, LONG, DECIMAL, BOOLEAN, DURATION, DURATION_OR_OFF, RATE, LIST, PATH }

  private final String name;
  private final Type type;
  private final String defaultText;
  private final String derivedDefault;
  private final String description;
  private final Function<String, T> parser;

  private Setting(String name, Type type, String defaultText, String derivedDefault, String description,
      Function<String, T> parser) {
    if (name == null || !name.matches("[A-Z][A-Z0-9_]*")) {
      throw new IllegalArgumentException("a setting's name is an upper-case environment variable, got: " + name);
    }
    this.name = name;
    this.type = Objects.requireNonNull(type, "type");
    this.defaultText = defaultText;
    this.derivedDefault = derivedDefault;
    this.description = Objects.requireNonNull(description, "description");
    this.parser = Objects.requireNonNull(parser, "parser");
    if (defaultText != null) {
      parse(defaultText);
    }
  }

  public static Setting<String> string(String name, String defaultText, String description) {
    return new Setting<>(name, Type.STRING, defaultText, null, description, v -> v);
  }

  public static Setting<Integer> integer(String name, String defaultText, String description) {
    return new Setting<>(name, Type.INT, defaultText, null, description, Integer::parseInt);
  }

  public static Setting<Long> longValue(String name, String defaultText, String description) {
    return new Setting<>(name, Type.LONG, defaultText, null, description, Long::parseLong);
  }

  public static Setting<Double> decimal(String name, String defaultText, String description) {
    return new Setting<>(name, Type.DECIMAL, defaultText, null, description, Double::parseDouble);
  }

  public static Setting<Boolean> bool(String name, String defaultText, String description) {
    return new Setting<>(name, Type.BOOLEAN, defaultText, null, description, Setting::parseBoolean);
  }

  public static Setting<Duration> duration(String name, String defaultText, String description) {
    return new Setting<>(name, Type.DURATION, defaultText, null, description, Config::parseDuration);
  }

  /** A duration, or {@code off} (read as empty). */
  public static Setting<Optional<Duration>> durationOrOff(String name, String defaultText, String description) {
    return new Setting<>(name, Type.DURATION_OR_OFF, defaultText, null, description,
        v -> v.equalsIgnoreCase("off") ? Optional.empty() : Optional.of(Config.parseDuration(v)));
  }

  /** A token bucket written {@code 300/1m} (300 requests a minute, in bursts of up to 300), or {@code off}. */
  public static Setting<Optional<Limit>> rate(String name, String defaultText, String description) {
    return new Setting<>(name, Type.RATE, defaultText, null, description, Setting::parseRate);
  }

  /** Comma-separated values, blanks dropped. */
  public static Setting<List<String>> list(String name, String defaultText, String description) {
    return new Setting<>(name, Type.LIST, defaultText, null, description,
        v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
  }

  public static Setting<Path> path(String name, String defaultText, String description) {
    return new Setting<>(name, Type.PATH, defaultText, null, description,
        v -> Path.of(v).toAbsolutePath().normalize());
  }

  /**
   * This setting without a fixed default: unset, the code that reads it works one out, as
   * {@code derived} says (another setting's name, or a path under one such as {@code $DATA_DIR/blobs}).
   */
  public Setting<T> derivedFrom(String derived) {
    if (defaultText != null) {
      throw new IllegalStateException(name + " has a fixed default already");
    }
    return new Setting<>(name, type, null, Objects.requireNonNull(derived, "derived"), description, parser);
  }

  public String name() {
    return name;
  }

  public Type type() {
    return type;
  }

  /** The fixed default, as the README writes it; empty when unset means "not set" or is worked out. */
  public Optional<String> defaultText() {
    return Optional.ofNullable(defaultText);
  }

  /** What the README names as the default: the fixed one, else how it is worked out; empty when none. */
  public Optional<String> documentedDefault() {
    return Optional.ofNullable(defaultText != null ? defaultText : derivedDefault);
  }

  public String description() {
    return description;
  }

  /** Reads a value of this setting as its type; throws IllegalArgumentException naming the setting. */
  public T parse(String value) {
    try {
      return parser.apply(Objects.requireNonNull(value, "value").trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("setting " + name + " has a value that cannot be read: " + value, e);
    }
  }

  /** The configured value, if one is set (blank counts as unset). */
  public Optional<T> find(Config config) {
    return config.find(name).map(this::parse);
  }

  /** The configured value, else the default; throws IllegalStateException for a setting without one. */
  public T read(Config config) {
    return find(config).orElseGet(() -> {
      if (defaultText == null) {
        throw new IllegalStateException(name + " has no default: use find");
      }
      return parse(defaultText);
    });
  }

  @Override
  public String toString() {
    return name;
  }

  private static boolean parseBoolean(String v) {
    if (v.equalsIgnoreCase("true") || v.equals("1")) {
      return true;
    }
    if (v.equalsIgnoreCase("false") || v.equals("0")) {
      return false;
    }
    throw new IllegalArgumentException("must be true or false");
  }

  private static Optional<Limit> parseRate(String v) {
    if (v.equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    String[] parts = v.split("/", 2);
    try {
      long capacity = Long.parseLong(parts[0].trim());
      Duration period = parts.length == 2 ? Config.parseDuration(parts[1].trim()) : Duration.ofMinutes(1);
      return Optional.of(new Limit(capacity, period));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("must look like 300/1m or be off", e);
    }
  }
}
