package dev.contentcreator.openai;

import dev.contentcreator.core.config.Config;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The OpenAI settings, read from {@link Config}. Only {@value #API_KEY} is required; without it
 * there are no settings and the OpenAI adapters are not built. {@link #toString()} never shows the key.
 */
public final class OpenAiSettings {
  /** The secret key; required. */
  public static final String API_KEY = "OPENAI_API_KEY";
  /** Any OpenAI-compatible server, such as Ollama or vLLM ({@code http://127.0.0.1:11434/v1}). */
  public static final String BASE_URL = "OPENAI_BASE_URL";
  /** How long one call may take, streaming included. */
  public static final String TIMEOUT = "OPENAI_TIMEOUT";
  /** The text models offered, comma-separated; the first is the default. */
  public static final String TEXT_MODELS = "OPENAI_TEXT_MODELS";
  /** The image models offered, comma-separated; the first is the default. */
  public static final String IMAGE_MODELS = "OPENAI_IMAGE_MODELS";
  /** The model the moderator asks. */
  public static final String MODERATION_MODEL = "OPENAI_MODERATION_MODEL";

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  static final List<String> DEFAULT_TEXT_MODELS = List.of("gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "gpt-4.1");
  static final List<String> DEFAULT_IMAGE_MODELS = List.of("gpt-image-1", "dall-e-3");
  static final String DEFAULT_MODERATION_MODEL = "omni-moderation-latest";

  private final String apiKey;
  private final String baseUrl;
  private final Duration timeout;
  private final List<String> textModels;
  private final List<String> imageModels;
  private final String moderationModel;

  private OpenAiSettings(Config config, String apiKey) {
    this.apiKey = apiKey;
    this.baseUrl = config.find(BASE_URL).orElse(null);
    this.timeout = config.getDuration(TIMEOUT, DEFAULT_TIMEOUT);
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException(TIMEOUT + " must be longer than zero, got: " + timeout);
    }
    this.textModels = models(config, TEXT_MODELS, DEFAULT_TEXT_MODELS);
    this.imageModels = models(config, IMAGE_MODELS, DEFAULT_IMAGE_MODELS);
    this.moderationModel = config.get(MODERATION_MODEL, DEFAULT_MODERATION_MODEL);
  }

  /** The settings, or empty when {@value #API_KEY} is unset or blank. */
  public static Optional<OpenAiSettings> fromConfig(Config config) {
    Objects.requireNonNull(config, "config");
    return config.find(API_KEY).map(key -> new OpenAiSettings(config, key));
  }

  private static List<String> models(Config config, String name, List<String> defaults) {
    List<String> listed = config.find(name)
        .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList())
        .orElse(defaults);
    if (listed.isEmpty()) {
      throw new IllegalArgumentException(name + " must name at least one model");
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
