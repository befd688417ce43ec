package dev.contentcreator.openai;

import com.openai.client.OpenAIClient;
import dev.contentcreator.core.ports.ai.LazyClient;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.SyncProvider;
import dev.contentcreator.core.ports.ai.ProviderException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Text (streamed chat completions) and images (images.generate, base64) from OpenAI or any
 * OpenAI-compatible server. It never retries: the caller's policies do, guided by the
 * {@link ProviderException.Kind} of each failure. Built by {@link OpenAiServices}; the HTTP client
 * is made on the first call.
 */
public final class OpenAiProvider implements SyncProvider {
  /** The name usage and errors carry. */
  public static final String NAME = OpenAiErrors.PROVIDER;

  private final LazyClient<OpenAiSettings, OpenAIClient> client;
  private final OpenAiErrors errors;
  private final List<String> textModels;
  private final List<String> imageModels;
  private final Function<String, LazyClient<OpenAiSettings, OpenAIClient>> clientForKey;
  private final Function<String, OpenAiErrors> errorsForKey;

  OpenAiProvider(LazyClient<OpenAiSettings, OpenAIClient> client, OpenAiErrors errors, OpenAiSettings settings,
      Function<String, LazyClient<OpenAiSettings, OpenAIClient>> clientForKey, Function<String, OpenAiErrors> errorsForKey) {
    this.client = Objects.requireNonNull(client, "client");
    this.errors = Objects.requireNonNull(errors, "errors");
    this.textModels = settings.textModels();
    this.imageModels = settings.imageModels();
    this.clientForKey = Objects.requireNonNull(clientForKey, "clientForKey");
    this.errorsForKey = Objects.requireNonNull(errorsForKey, "errorsForKey");
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
      case TEXT -> textModels;
      case IMAGE -> imageModels;
      default -> List.of();
    };
  }

  /**
   * Makes the item. A blank model means the kind's default; other names are sent as they are, so
   * a compatible server's own models work too.
   */
  @Override
  public boolean takesProjectKeys() {
    return true;
  }

  @Override
  public ItemResult generate(ItemRequest request, Progress progress) throws ProviderException {
    return generate(request, progress, client, errors);
  }

  /** Makes the item with a project's own key, on a client of its own; a null or blank key means the server's. */
  @Override
  public ItemResult generate(ItemRequest request, Progress progress, String projectKey) throws ProviderException {
    if (projectKey == null || projectKey.isBlank()) {
      return generate(request, progress);
    }
    return generate(request, progress, clientForKey.apply(projectKey), errorsForKey.apply(projectKey));
  }

  private ItemResult generate(ItemRequest request, Progress progress, LazyClient<OpenAiSettings, OpenAIClient> client, OpenAiErrors errors)
      throws ProviderException {
    Objects.requireNonNull(request, "request");
    Progress to = progress == null ? Progress.NONE : progress;
    List<String> offered = models(request.kind());
    if (offered.isEmpty()) {
      throw errors.badRequest("OpenAI does not make " + request.kind().name().toLowerCase(java.util.Locale.ROOT)
          + " here; choose another provider.");
    }
    String model = request.model().isBlank() ? offered.get(0) : request.model().trim();
    return request.kind() == ContentKind.TEXT
        ? TextGeneration.run(client.get(), errors, request, model, to)
        : ImageGeneration.run(client.get(), errors, request, model);
  }
}
