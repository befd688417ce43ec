package dev.contentcreator.anthropic;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Anthropic settings, read from {@link Config}. Only {@code ANTHROPIC_API_KEY} is required;
 * without it there are no settings and the adapter is not built. {@link #toString()} never shows the key.
 */
public final class AnthropicSettings {
  private final String apiKey;
  private final String baseUrl;
  private final Duration timeout;
  private final List<String> textModels;

  AnthropicSettings(String apiKey, String baseUrl, Duration timeout, List<String> textModels) {
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.baseUrl = baseUrl;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException(Settings.ANTHROPIC_TIMEOUT.name() + " must be longer than zero, got: " + timeout);
    }
    this.textModels = textModels.stream().distinct().toList();
    if (this.textModels.isEmpty()) {
      throw new IllegalArgumentException(Settings.ANTHROPIC_TEXT_MODELS.name() + " must name at least one model");
    }
  }

  /** The settings, or empty when {@code ANTHROPIC_API_KEY} is unset or blank. */
  public static Optional<AnthropicSettings> fromConfig(Config config) {
    Objects.requireNonNull(config, "config");
    return config.find(Settings.ANTHROPIC_API_KEY).map(key -> new AnthropicSettings(key,
        config.find(Settings.ANTHROPIC_BASE_URL).orElse(null), config.get(Settings.ANTHROPIC_TIMEOUT),
        config.get(Settings.ANTHROPIC_TEXT_MODELS)));
  }

  /** The same settings with another key: a project's own. */
  AnthropicSettings withKey(String key) {
    return new AnthropicSettings(key, baseUrl, timeout, textModels);
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

  @Override
  public String toString() {
    return "AnthropicSettings{baseUrl=" + (baseUrl == null ? "(Anthropic)" : baseUrl) + ", timeout=" + timeout
        + ", textModels=" + textModels + ", apiKey=(set)}";
  }
}
