package dev.contentcreator.openai;

import dev.contentcreator.core.ports.ai.LazyClient;
import com.openai.client.OpenAIClient;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.ports.ai.KeyedClients;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The OpenAI adapters of one configuration: the {@link OpenAiProvider} and the
 * {@link OpenAiModerator}, sharing one HTTP client made on the first call of either. Building
 * this loads no class of openai-java, so a function that never calls OpenAI pays nothing for it.
 */
public final class OpenAiServices implements AutoCloseable {
  private final OpenAiSettings settings;
  private final LazyClient<OpenAiSettings, OpenAIClient> client;
  private final OpenAiProvider provider;
  private final OpenAiModerator moderator;
  private final OpenAiErrors errors;
  private final KeyedClients<LazyClient<OpenAiSettings, OpenAIClient>> projectClients;
  /** How many projects' own clients are kept open at once. */
  static final int PROJECT_CLIENTS = 32;

  OpenAiServices(OpenAiSettings settings, Function<OpenAiSettings, OpenAIClient> clientFactory, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client = new LazyClient<>("OpenAI", settings, clientFactory, ClientCloser.INSTANCE);
    OpenAiErrors errors = new OpenAiErrors(settings.apiKey(), Objects.requireNonNull(clock, "clock"));
    this.errors = errors;
    KeyedClients<LazyClient<OpenAiSettings, OpenAIClient>> own = new KeyedClients<>(PROJECT_CLIENTS);
    this.projectClients = own;
    this.provider = new OpenAiProvider(client, errors, settings,
        key -> own.get(key, () -> client.with(settings.withKey(key))),
        key -> new OpenAiErrors(key, clock));
    this.moderator = new OpenAiModerator(client, errors, settings.moderationModel());
  }

  /**
   * The adapters for this configuration, or empty when {@code OPENAI_API_KEY} is not set.
   *
   * @throws IllegalArgumentException when an OpenAI setting is set but cannot be read
   */
  public static Optional<OpenAiServices> fromConfig(Config config) {
    return OpenAiSettings.fromConfig(config)
        .map(s -> new OpenAiServices(s, OkHttpClients.INSTANCE, Clock.systemUTC()));
  }

  public OpenAiProvider provider() {
    return provider;
  }

  /** Brand knowledge's embedder on this configuration's client: {@code model} asked for {@code dimensions}. */
  public OpenAiEmbedder embedder(String model, int dimensions) {
    return new OpenAiEmbedder(client, errors, model, dimensions);
  }

  public OpenAiModerator moderator() {
    return moderator;
  }

  public OpenAiSettings settings() {
    return settings;
  }

  /** Closes the HTTP client if it was made; later calls fail. */
  @Override
  public void close() {
    client.close();
    projectClients.close();
  }

  /** Whether the HTTP client has been made, which happens on the first call. */
  boolean clientCreated() {
    return client.created();
  }
}
