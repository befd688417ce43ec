package dev.contentcreator.anthropic;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.ports.ai.AsyncProvider;
import dev.contentcreator.core.ports.ai.Moderator;
import dev.contentcreator.core.ports.ai.ProviderFactory;
import dev.contentcreator.core.ports.ai.SyncProvider;
import dev.contentcreator.core.ports.ai.WebhookReader;
import java.util.Optional;

/**
 * Anthropic's text provider when {@code ANTHROPIC_API_KEY} is set. Made once per configuration; its
 * HTTP client is created only on the first call.
 */
public final class AnthropicProviderFactory implements ProviderFactory {
  private volatile Config madeFor;
  private volatile Optional<AnthropicProvider> provider = Optional.empty();

  @Override
  public Optional<SyncProvider> syncProvider(Config config) {
    if (madeFor != config) {
      synchronized (this) {
        if (madeFor != config) {
          provider = AnthropicSettings.fromConfig(config).map(AnthropicProvider::of);
          madeFor = config;
        }
      }
    }
    return provider.map(p -> p);
  }

  @Override
  public Optional<AsyncProvider> asyncProvider(Config config) {
    return Optional.empty();
  }

  @Override
  public Optional<Moderator> moderator(Config config) {
    return Optional.empty();
  }

  @Override
  public Optional<WebhookReader> webhookReader(Config config) {
    return Optional.empty();
  }
}
