package dev.contentcreator.embedded.queue;

import dev.contentcreator.core.ports.EventBus;
import dev.contentcreator.testkit.EventBusContract;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** The events contract, run against a SQLite file in a fresh folder per test. */
final class SqliteEventBusTest extends EventBusContract {
  @TempDir
  Path folder;

  @Override
  protected EventBus open(Setup setup) {
    SqliteEventBus bus = SqliteEventBus.builder(folder.resolve("contract.db"))
        .pollInterval(Duration.ofMillis(200))
        .build();
    setup.subscribers().forEach((topic, handler) -> bus.subscribe(SubscriptionConfig.builder(topic, "contract")
        .minBackoff(setup.minBackoff())
        .maxBackoff(setup.maxBackoff())
        .maxDeliveryAttempts(setup.maxDeliveryAttempts())
        .build(), handler));
    bus.start();
    return bus;
  }
}
