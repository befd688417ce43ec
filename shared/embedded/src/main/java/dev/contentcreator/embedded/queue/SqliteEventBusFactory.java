package dev.contentcreator.embedded.queue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.EventBus;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStoreFactory;

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
    return SqliteEventBus.builder(SqliteDocumentStoreFactory.file(config)).configure(config).build();
  }
}
