package dev.contentcreator.embedded.queue;

import dev.contentcreator.embedded.sqlite.Migration;
import java.util.List;

/**
 * The schema of the durable queue, recorded in {@code queue_migrations} so that it never mixes
 * with the documents' steps in the same file. Times are epoch milliseconds. A shipped step is never
 * edited; add a new one at the end.
 */
final class QueueMigrations {
  static final String TABLE = "queue_migrations";

  static final List<Migration> ALL = List.of(
      new Migration(1, "create tasks", List.of(
          "CREATE TABLE queue_tasks ("
              + " queue TEXT NOT NULL,"
              + " name TEXT NOT NULL,"
              + " handler TEXT NOT NULL,"
              + " payload TEXT NOT NULL CHECK (json_valid(payload)),"
              + " state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'dead')),"
              + " due_at INTEGER NOT NULL,"
              + " attempts INTEGER NOT NULL DEFAULT 0,"
              + " first_attempt_at INTEGER,"
              + " lease_until INTEGER,"
              + " lease_owner TEXT,"
              + " last_error TEXT,"
              + " created_at INTEGER NOT NULL,"
              + " finished_at INTEGER,"
              + " PRIMARY KEY (queue, name))",
          "CREATE INDEX queue_tasks_due ON queue_tasks (state, queue, due_at)",
          "CREATE INDEX queue_tasks_lease ON queue_tasks (state, lease_until)")),
      new Migration(2, "create topics, subscriptions, messages and deliveries", List.of(
          "CREATE TABLE queue_subscriptions ("
              + " topic TEXT NOT NULL,"
              + " handler TEXT NOT NULL,"
              + " created_at INTEGER NOT NULL,"
              + " PRIMARY KEY (topic, handler))",
          "CREATE TABLE queue_messages ("
              + " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " topic TEXT NOT NULL,"
              + " data TEXT NOT NULL CHECK (json_valid(data)),"
              + " attributes TEXT NOT NULL CHECK (json_valid(attributes)),"
              + " published_at INTEGER NOT NULL)",
          "CREATE INDEX queue_messages_published ON queue_messages (published_at)",
          "CREATE TABLE queue_deliveries ("
              + " message_seq INTEGER NOT NULL REFERENCES queue_messages (seq) ON DELETE CASCADE,"
              + " topic TEXT NOT NULL,"
              + " handler TEXT NOT NULL,"
              + " state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'dead')),"
              + " due_at INTEGER NOT NULL,"
              + " attempts INTEGER NOT NULL DEFAULT 0,"
              + " lease_until INTEGER,"
              + " lease_owner TEXT,"
              + " last_error TEXT,"
              + " finished_at INTEGER,"
              + " PRIMARY KEY (message_seq, handler))",
          "CREATE INDEX queue_deliveries_due ON queue_deliveries (topic, handler, state, due_at)",
          "CREATE INDEX queue_deliveries_state ON queue_deliveries (state, due_at)",
          "CREATE INDEX queue_deliveries_lease ON queue_deliveries (state, lease_until)")));

  private QueueMigrations() {}
}
