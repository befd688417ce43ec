package dev.contentcreator.core.ports.ai;

import dev.contentcreator.core.config.Config;
import java.util.Optional;

/**
 * Makes the providers of one module from configuration (API keys, base URLs). Each provider module
 * lists its factory in {@code META-INF/services/dev.contentcreator.core.ports.ai.ProviderFactory};
 * a provider whose key is not configured is simply absent.
 */
public interface ProviderFactory {

  Optional<SyncProvider> syncProvider(Config config);

  Optional<AsyncProvider> asyncProvider(Config config);

  Optional<Moderator> moderator(Config config);

  /** Reads a provider's webhook call, if this module's provider has webhooks. */
  Optional<WebhookReader> webhookReader(Config config);
}
