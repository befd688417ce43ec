package dev.contentcreator.gemini;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Setting;
import dev.contentcreator.core.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Gemini settings, read from {@link Config}. Only {@code GEMINI_API_KEY} is required; without it
 * there are no settings and the adapter is not built. {@link #toString()} never shows the key.
 */
public final class GeminiSettings {
  private final String apiKey;
  private final String baseUrl;
  private final Duration timeout;
  private final List<String> textModels;
  private final List<String> imageModels;

  GeminiSettings(String apiKey, String baseUrl, Duration timeout, List<String> textModels, List<String> imageModels) {
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.baseUrl = baseUrl;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative() || timeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(Settings.GEMINI_TIMEOUT.name() + " must be longer than zero, got: " + timeout);
    }
    this.textModels = textModels.stream().distinct().toList();
    this.imageModels = imageModels.stream().distinct().toList();
  }

  /** The settings, or empty when {@code GEMINI_API_KEY} is unset or blank. */
  public static Optional<GeminiSettings> fromConfig(Config config) {
    Objects.requireNonNull(config, "config");
    return config.find(Settings.GEMINI_API_KEY).map(key -> new GeminiSettings(key,
        config.find(Settings.GEMINI_BASE_URL).orElse(null), config.get(Settings.GEMINI_TIMEOUT),
        models(config, Settings.GEMINI_TEXT_MODELS), models(config, Settings.GEMINI_IMAGE_MODELS)));
  }

  private static List<String> models(Config config, Setting<List<String>> setting) {
    List<String> listed = config.get(setting);
    if (listed.isEmpty()) {
      throw new IllegalArgumentException(setting.name() + " must name at least one model");
    }
    return listed;
  }

  /** The same settings with another key: a project's own. */
  GeminiSettings withKey(String key) {
    return new GeminiSettings(key, baseUrl, timeout, textModels, imageModels);
  }

  String apiKey() {
    return apiKey;
  }

  public Optional<String> baseUrl() {
    return Optional.ofNullable(baseUrl);
  }

  public Duration timeout() {
    return timeout;
  }

  public List<String> textModels() {
    return textModels;
  }

  public List<String> imageModels() {
    return imageModels;
  }

  @Override
  public String toString() {
    return "GeminiSettings{baseUrl=" + (baseUrl == null ? "(Google)" : baseUrl) + ", timeout=" + timeout
        + ", textModels=" + textModels + ", imageModels=" + imageModels + ", apiKey=(set)}";
  }
}
