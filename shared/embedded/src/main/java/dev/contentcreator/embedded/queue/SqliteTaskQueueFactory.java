package dev.contentcreator.embedded.queue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStoreFactory;

/**
 * Makes the {@code sqlite} tasks adapter on the documents' file ({@code DATA_DIR/contentcreator.db}
 * or {@code SQLITE_PATH}). Settings: {@code QUEUE_WORKERS} (8), {@code QUEUE_POLL_INTERVAL} (1s),
 * {@code QUEUE_LEASE} (30s), {@code QUEUE_RETENTION} (1h), {@code QUEUE_SHUTDOWN_TIMEOUT} (30s),
 * {@code SQLITE_BUSY_TIMEOUT} (5s). The queue it makes accepts tasks at once but runs none until
 * the process that owns the handlers registers them and calls {@link SqliteTaskQueue#start()}.
 */
public final class SqliteTaskQueueFactory implements PortFactory<TaskQueue> {

  @Override
  public Class<TaskQueue> port() {
    return TaskQueue.class;
  }

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public TaskQueue create(Config config) {
    return SqliteTaskQueue.builder(SqliteDocumentStoreFactory.file(config)).configure(config).build();
  }
}
