package dev.contentcreator.gemini;

import dev.contentcreator.core.ports.ai.LazyClient;
import com.google.genai.Client;
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
 * Text from Google Gemini (streamed) and images from its image models, through google-genai with an API key.
 * It never retries (the SDK makes one attempt): the caller's policies do, guided by the
 * {@link ProviderException.Kind} of each failure. The client is made on the first call; building
 * this loads no class of google-genai.
 */
public final class GeminiProvider implements SyncProvider, AutoCloseable {
  /** The name usage, errors and the guard's circuit carry. */
  public static final String NAME = "gemini";
  /** How long to wait after a 503 UNAVAILABLE: the SDK keeps no Retry-After. */
  static final Duration OVERLOADED_WAIT = Duration.ofSeconds(20);
  /** How many projects' own clients are kept open at once. */
  static final int PROJECT_CLIENTS = 32;

  private final GeminiSettings settings;
  private final Clock clock;
  private final LazyClient<GeminiSettings, Client> client;
  private final ProviderFailures failures;
  private final KeyedClients<LazyClient<GeminiSettings, Client>> projectKeys = new KeyedClients<>(PROJECT_CLIENTS);

  GeminiProvider(GeminiSettings settings, Function<GeminiSettings, Client> clients, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.client = new LazyClient<>("Gemini", settings, clients, ClientCloser.INSTANCE);
    this.failures = failures(settings.apiKey(), clock);
  }

  /** The provider for these settings, with google-genai's own HTTP client. */
  public static GeminiProvider of(GeminiSettings settings) {
    return new GeminiProvider(settings, GeminiClients.INSTANCE, Clock.systemUTC());
  }

  static ProviderFailures failures(String key, Clock clock) {
    return new ProviderFailures(NAME, "Gemini", "GEMINI_API_KEY", OVERLOADED_WAIT, clock, key);
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
    return Set.of(ContentKind.TEXT, ContentKind.IMAGE);
  }

  @Override
  public List<String> models(ContentKind kind) {
    return switch (Objects.requireNonNull(kind, "kind")) {
      case TEXT -> settings.textModels();
      case IMAGE -> settings.imageModels();
      default -> List.of();
    };
  }

  @Override
  public boolean takesProjectKeys() {
    return true;
  }

  @Override
  public ItemResult generate(ItemRequest request, Progress progress) throws ProviderException {
    return generate(request, progress, client, failures);
  }

  @Override
  public ItemResult generate(ItemRequest request, Progress progress, String projectKey) throws ProviderException {
    if (projectKey == null || projectKey.isBlank()) {
      return generate(request, progress);
    }
    LazyClient<GeminiSettings, Client> own = projectKeys.get(projectKey, () -> client.with(settings.withKey(projectKey)));
    return generate(request, progress, own, failures(projectKey, clock));
  }

  private ItemResult generate(ItemRequest request, Progress progress, LazyClient<GeminiSettings, Client> with,
      ProviderFailures errors)
      throws ProviderException {
    Objects.requireNonNull(request, "request");
    List<String> offered = models(request.kind());
    if (offered.isEmpty()) {
      throw errors.badRequest("Gemini does not make " + request.kind().name().toLowerCase(Locale.ROOT)
          + " here; choose another provider.");
    }
    String model = request.model().isBlank() ? offered.get(0) : request.model().trim();
    return request.kind() == ContentKind.TEXT
        ? TextGeneration.run(with.get(), errors, request, model, progress == null ? Progress.NONE : progress)
        : ImageGeneration.run(with.get(), errors, request, model);
  }

  boolean clientCreated() {
    return client.created();
  }

  @Override
  public void close() {
    client.close();
    projectKeys.close();
  }
}
