package dev.contentcreator.gcp.pubsub;

import dev.contentcreator.core.ports.EventBus;
import dev.contentcreator.testkit.EventBusContract;
import dev.contentcreator.testkit.PubSubEmulator;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The events contract on the Pub/Sub emulator (the one at {@code PUBSUB_EMULATOR_HOST}, or one
 * started from the machine's gcloud; skipped, saying so, when neither exists). Each test gets a
 * project of its own, so its topics and subscriptions start empty.
 */
final class PubSubEventBusEmulatorTest extends EventBusContract {
  private static final AtomicInteger PROJECTS = new AtomicInteger();

  @Override
  protected EventBus open(Setup setup) {
    String host = PubSubEmulator.host();
    PubSubEventBus bus = PubSubEventBus.builder("contract-" + ProcessHandle.current().pid() + "-"
        + PROJECTS.incrementAndGet()).emulatorHost(host).shutdownTimeout(Duration.ofSeconds(5)).build();
    setup.subscribers().forEach((topic, handler) -> bus.subscribe(PubSubSubscription.builder(topic, "contract")
        .minBackoff(setup.minBackoff())
        .maxBackoff(setup.maxBackoff())
        .maxDeliveryAttempts(setup.maxDeliveryAttempts())
        .build(), handler));
    // Terraform makes every topic in production; here the test makes the one nobody subscribes to.
    bus.ensureTopic(UNSUBSCRIBED_TOPIC);
    return bus;
  }
}
