package dev.contentcreator.openai;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.ports.ai.AsyncProvider;
import dev.contentcreator.core.ports.ai.Moderator;
import dev.contentcreator.core.ports.ai.ProviderFactory;
import dev.contentcreator.core.ports.ai.SyncProvider;
import dev.contentcreator.core.ports.ai.WebhookReader;
import java.util.Optional;

/**
 * OpenAI's provider and moderator when {@code OPENAI_API_KEY} is set. Made once per configuration
 * and sharing one HTTP client, which is created only on the first call.
 */
public final class OpenAiProviderFactory implements ProviderFactory {
  private volatile Config madeFor;
  private volatile Optional<OpenAiServices> services = Optional.empty();

  private Optional<OpenAiServices> services(Config config) {
    if (madeFor != config) {
      synchronized (this) {
        if (madeFor != config) {
          services = OpenAiServices.fromConfig(config);
          madeFor = config;
        }
      }
    }
    return services;
  }

  @Override
  public Optional<SyncProvider> syncProvider(Config config) {
    return services(config).map(OpenAiServices::provider);
  }

  @Override
  public Optional<AsyncProvider> asyncProvider(Config config) {
    return Optional.empty();
  }

  @Override
  public Optional<Moderator> moderator(Config config) {
    return services(config).map(OpenAiServices::moderator);
  }

  @Override
  public Optional<WebhookReader> webhookReader(Config config) {
    return Optional.empty();
  }
}
