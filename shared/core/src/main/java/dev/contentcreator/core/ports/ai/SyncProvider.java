package dev.contentcreator.core.ports.ai;

import dev.contentcreator.core.domain.ContentKind;
import java.util.Set;

/**
 * A provider that answers within one call: OpenAI (text, streamed; images) and the offline demo.
 * Implementations do not retry by themselves: the caller's policies own retries.
 */
public interface SyncProvider {

  /** The name usage and errors carry, such as {@code openai} or {@code demo}. */
  String name();

  /** Whether this is the built-in offline demo, which the product must say it is. */
  boolean isDemo();

  Set<ContentKind> kinds();

  /** The models this provider accepts for a kind; the first is the default. */
  java.util.List<String> models(ContentKind kind);

  ItemResult generate(ItemRequest request, Progress progress) throws ProviderException;

  /**
   * Makes the item with a project's own API key for this provider instead of the server's. A
   * provider that takes no such key, and any provider given a null or blank key, uses the server's.
   */
  default ItemResult generate(ItemRequest request, Progress progress, String projectKey) throws ProviderException {
    return generate(request, progress);
  }

  /** Whether {@link #generate(ItemRequest, Progress, String)} uses a project's own key. */
  default boolean takesProjectKeys() {
    return false;
  }
}
