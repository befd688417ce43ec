package dev.contentcreator.openai;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Setting;
import dev.contentcreator.core.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The OpenAI settings, read from {@link Config}. Only {@code OPENAI_API_KEY} is required; without it
 * there are no settings and the OpenAI adapters are not built. {@link #toString()} never shows the key.
 */
public final class OpenAiSettings {
  /** The secret key; required. */
  public static final String API_KEY = Settings.OPENAI_API_KEY.name();
  /** Any OpenAI-compatible server, such as Ollama or vLLM ({@code http://127.0.0.1:11434/v1}). */
  public static final String BASE_URL = Settings.OPENAI_BASE_URL.name();
  /** How long one call may take, streaming included. */
  public static final String TIMEOUT = Settings.OPENAI_TIMEOUT.name();
  /** The text models offered, comma-separated; the first is the default. */
  public static final String TEXT_MODELS = Settings.OPENAI_TEXT_MODELS.name();
  /** The image models offered, comma-separated; the first is the default. */
  public static final String IMAGE_MODELS = Settings.OPENAI_IMAGE_MODELS.name();
  /** The model the moderator asks. */
  public static final String MODERATION_MODEL = Settings.OPENAI_MODERATION_MODEL.name();


  private final String apiKey;
  private final String baseUrl;
  private final Duration timeout;
  private final List<String> textModels;
  private final List<String> imageModels;
  private final String moderationModel;

  private OpenAiSettings(Config config, String apiKey) {
    this.apiKey = apiKey;
    this.baseUrl = config.find(Settings.OPENAI_BASE_URL).orElse(null);
    this.timeout = config.get(Settings.OPENAI_TIMEOUT);
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException(TIMEOUT + " must be longer than zero, got: " + timeout);
    }
    this.textModels = models(config, Settings.OPENAI_TEXT_MODELS);
    this.imageModels = models(config, Settings.OPENAI_IMAGE_MODELS);
    this.moderationModel = config.get(Settings.OPENAI_MODERATION_MODEL);
  }

  private OpenAiSettings(OpenAiSettings from, String apiKey) {
    this.apiKey = apiKey;
    this.baseUrl = from.baseUrl;
    this.timeout = from.timeout;
    this.textModels = from.textModels;
    this.imageModels = from.imageModels;
    this.moderationModel = from.moderationModel;
  }

  /** The same settings with another key: a project's own. */
  OpenAiSettings withKey(String key) {
    return new OpenAiSettings(this, Objects.requireNonNull(key, "key"));
  }

  /** The settings, or empty when {@code OPENAI_API_KEY} is unset or blank. */
  public static Optional<OpenAiSettings> fromConfig(Config config) {
    Objects.requireNonNull(config, "config");
    return config.find(Settings.OPENAI_API_KEY).map(key -> new OpenAiSettings(config, key));
  }

  private static List<String> models(Config config, Setting<List<String>> setting) {
    List<String> listed = config.get(setting).stream().distinct().toList();
    if (listed.isEmpty()) {
      throw new IllegalArgumentException(setting.name() + " must name at least one model");
    }
    return listed;
  }

  String apiKey() {
    return apiKey;
  }

  /** The server's base URL, or empty for OpenAI's own. */
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

  public String moderationModel() {
    return moderationModel;
  }

  @Override
  public String toString() {
    return "OpenAiSettings{baseUrl=" + (baseUrl == null ? "(OpenAI)" : baseUrl) + ", timeout=" + timeout
        + ", textModels=" + textModels + ", imageModels=" + imageModels + ", moderationModel=" + moderationModel
        + ", apiKey=(set)}";
  }
}
