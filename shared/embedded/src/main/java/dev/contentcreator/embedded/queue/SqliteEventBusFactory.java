package dev.contentcreator.embedded.queue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.EventBus;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStoreFactory;
import java.time.Duration;

/**
 * Makes the {@code sqlite} events adapter on the documents' file, with the settings of
 * {@link SqliteTaskQueueFactory}. The bus stores published messages at once but delivers none until
 * the process that owns the handlers subscribes them and calls {@link SqliteEventBus#start()}.
 */
public final class SqliteEventBusFactory implements PortFactory<EventBus> {

  @Override
  public Class<EventBus> port() {
    return EventBus.class;
  }

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public EventBus create(Config config) {
    return SqliteEventBus.builder(SqliteDocumentStoreFactory.file(config))
        .workers(config.getInt("QUEUE_WORKERS", 8))
        .pollInterval(config.getDuration("QUEUE_POLL_INTERVAL", Duration.ofSeconds(1)))
        .leaseDuration(config.getDuration("QUEUE_LEASE", Duration.ofSeconds(30)))
        .retention(config.getDuration("QUEUE_RETENTION", Duration.ofHours(1)))
        .shutdownTimeout(config.getDuration("QUEUE_SHUTDOWN_TIMEOUT", Duration.ofSeconds(30)))
        .busyTimeout(config.getDuration("SQLITE_BUSY_TIMEOUT", Duration.ofSeconds(5)))
        .build();
  }
}
