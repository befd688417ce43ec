package dev.contentcreator.gcp.pubsub;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.ProjectId;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.EventBus;

/**
 * Makes the {@code pubsub} events adapter ({@code EVENTS=pubsub}). Settings: {@code GOOGLE_CLOUD_PROJECT}
 * (required), {@code PUBSUB_EMULATOR_HOST} (host:port of the emulator; unset in production),
 * {@code QUEUE_WORKERS} (handler threads per pulled subscription, default 8) and
 * {@code QUEUE_SHUTDOWN_TIMEOUT} (30s). No client is made until the first publish or subscribe.
 */
public final class PubSubEventBusFactory implements PortFactory<EventBus> {

  @Override
  public Class<EventBus> port() {
    return EventBus.class;
  }

  @Override
  public String name() {
    return "pubsub";
  }

  @Override
  public EventBus create(Config config) {
    String project = ProjectId.required(config, "EVENTS=pubsub (the project of the topics)");
    return PubSubEventBus.builder(project)
        .emulatorHost(config.find(Settings.PUBSUB_EMULATOR_HOST).orElse(null))
        .subscriberThreads(config.get(Settings.QUEUE_WORKERS))
        .shutdownTimeout(config.get(Settings.QUEUE_SHUTDOWN_TIMEOUT))
        .build();
  }
}
