package dev.contentcreator.anthropic;

import dev.contentcreator.core.ports.ai.LazyClient;
import com.anthropic.client.AnthropicClient;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.KeyedClients;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderFailures;
import dev.contentcreator.core.ports.ai.SyncProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Text from Anthropic's Messages API, streamed. It never retries (the SDK's own retries are off):
 * the caller's policies do, guided by the {@link ProviderException.Kind} of each failure. The HTTP
 * client is made on the first call; building this loads no class of anthropic-java.
 */
public final class AnthropicProvider implements SyncProvider, AutoCloseable {
  /** The name usage, errors and the guard's circuit carry. */
  public static final String NAME = "anthropic";
  /** How long to wait after a 529 that does not say. */
  static final Duration OVERLOADED_WAIT = Duration.ofSeconds(20);
  /** How many projects' own clients are kept open at once. */
  static final int PROJECT_CLIENTS = 32;

  private final AnthropicSettings settings;
  private final LazyClient<AnthropicSettings, AnthropicClient> client;
  private final ProviderFailures failures;
  private final Clock clock;
  private final KeyedClients<LazyClient<AnthropicSettings, AnthropicClient>> projectKeys;

  AnthropicProvider(AnthropicSettings settings, Function<AnthropicSettings, AnthropicClient> clients, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.client = new LazyClient<>("Anthropic", settings, clients, ClientCloser.INSTANCE);
    this.failures = failures(settings.apiKey(), clock);
    this.projectKeys = new KeyedClients<>(PROJECT_CLIENTS);
  }

  /** The provider for this configuration's settings, with the okhttp client of anthropic-java. */
  public static AnthropicProvider of(AnthropicSettings settings) {
    return new AnthropicProvider(settings, AnthropicClients.INSTANCE, Clock.systemUTC());
  }

  static ProviderFailures failures(String key, Clock clock) {
    return new ProviderFailures(NAME, "Anthropic", "ANTHROPIC_API_KEY", OVERLOADED_WAIT, clock, key);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isDemo() {
    return false;
  }

  @Override
  public Set<ContentKind> kinds() {
    return Set.of(ContentKind.TEXT);
  }

  @Override
  public List<String> models(ContentKind kind) {
    return Objects.requireNonNull(kind, "kind") == ContentKind.TEXT ? settings.textModels() : List.of();
  }

  @Override
  public ItemResult generate(ItemRequest request, Progress progress) throws ProviderException {
    return generate(request, progress, client, failures);
  }

  @Override
  public boolean takesProjectKeys() {
    return true;
  }

  @Override
  public ItemResult generate(ItemRequest request, Progress progress, String projectKey) throws ProviderException {
    if (projectKey == null || projectKey.isBlank()) {
      return generate(request, progress);
    }
    LazyClient<AnthropicSettings, AnthropicClient> own = projectKeys.get(projectKey,
        () -> client.with(settings.withKey(projectKey)));
    return generate(request, progress, own, failures(projectKey, clock));
  }

  private ItemResult generate(ItemRequest request, Progress progress, LazyClient<AnthropicSettings, AnthropicClient> with,
      ProviderFailures errors)
      throws ProviderException {
    Objects.requireNonNull(request, "request");
    if (request.kind() != ContentKind.TEXT) {
      throw errors.badRequest("Anthropic does not make " + request.kind().name().toLowerCase(Locale.ROOT)
          + " here; choose another provider.");
    }
    String model = request.model().isBlank() ? settings.textModels().get(0) : request.model().trim();
    return TextGeneration.run(with.get(), errors, request, model, progress == null ? Progress.NONE : progress);
  }

  /** Whether the server's HTTP client has been made, which happens on the first call. */
  boolean clientCreated() {
    return client.created();
  }

  @Override
  public void close() {
    client.close();
    projectKeys.close();
  }
}
