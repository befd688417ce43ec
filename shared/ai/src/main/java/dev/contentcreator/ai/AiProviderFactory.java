package dev.contentcreator.ai;

import dev.contentcreator.ai.demo.DemoProvider;
import dev.contentcreator.ai.goapi.GoApiProviderFactory;
import dev.contentcreator.ai.goapi.GoApiWebhookReader;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.ports.ai.AsyncProvider;
import dev.contentcreator.core.ports.ai.Moderator;
import dev.contentcreator.core.ports.ai.ProviderFactory;
import dev.contentcreator.core.ports.ai.SyncProvider;
import dev.contentcreator.core.ports.ai.WebhookReader;
import java.util.Optional;

/**
 * The providers of this module: the offline demo, always (it is the fallback when no real provider
 * is configured), and GoAPI when {@code GOAPI_API_KEY} is set, with its webhook when
 * {@code GOAPI_WEBHOOK_SECRET} is. Demo settings, for trying the product and for benchmarks:
 * {@code DEMO_CHUNK_DELAY} (30ms between streamed chunks), {@code DEMO_LATENCY} (0),
 * {@code DEMO_FAILURE_RATE} (0: the share of calls that fail as transient).
 */
public final class AiProviderFactory implements ProviderFactory {

  @Override
  public Optional<SyncProvider> syncProvider(Config config) {
    double failures = config.get(Settings.DEMO_FAILURE_RATE);
    return Optional.of(DemoProvider.builder()
        .chunkDelay(config.get(Settings.DEMO_CHUNK_DELAY))
        .latency(config.get(Settings.DEMO_LATENCY))
        .transientFailureRate(failures)
        .build());
  }

  @Override
  public Optional<AsyncProvider> asyncProvider(Config config) {
    return GoApiProviderFactory.fromConfig(config).map(p -> p);
  }

  @Override
  public Optional<Moderator> moderator(Config config) {
    return Optional.empty();
  }

  @Override
  public Optional<WebhookReader> webhookReader(Config config) {
    return config.find(Settings.GOAPI_WEBHOOK_SECRET).map(GoApiWebhookReader::new);
  }
}
