package dev.contentcreator.embedded.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.ports.EventBus;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.core.ports.TaskQueue.Task;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform finds the queue adapters by name, on the same file as the documents. */
final class QueueFactoriesTest {
  @TempDir
  Path folder;

  private Platform platform() {
    return Platform.create(Config.of(Map.of("DATA_DIR", folder.toString())), Clock.systemUTC());
  }

  @Test
  void tasksDefaultToTheSqliteQueueInTheDocumentsFile() {
    try (Platform platform = platform()) {
      SqliteTaskQueue queue = assertInstanceOf(SqliteTaskQueue.class, platform.tasks());

      assertEquals(folder.resolve("contentcreator.db"), queue.file());
    }
  }

  @Test
  void eventsDefaultToTheSqliteBusInTheDocumentsFile() {
    try (Platform platform = platform()) {
      SqliteEventBus bus = assertInstanceOf(SqliteEventBus.class, platform.events());

      assertEquals(folder.resolve("contentcreator.db"), bus.file());
    }
  }

  @Test
  void queueIsMadeOnlyWhenFirstUsed() {
    try (Platform platform = platform()) {
      platform.documents();

      assertFalse(platform.isLoaded(TaskQueue.class));
      assertFalse(platform.isLoaded(EventBus.class));
    }
  }

  @Test
  void documentsAndQueueShareTheFileWithoutMixingTheirMigrations() {
    try (Platform platform = platform()) {
      platform.documents().set("users", "u1", new JsonObject());
      assertTrue(platform.tasks().enqueue(new Task("work", "t1", "h", new JsonObject(), Instant.now())));
      platform.events().publish("jobs", new JsonObject(), Map.of());

      assertTrue(platform.documents().get("users", "u1").isPresent());
    }
    try (Platform reopened = platform()) {
      assertEquals(1, ((SqliteTaskQueue) reopened.tasks()).stats("work").pending());
      assertTrue(reopened.documents().get("users", "u1").isPresent());
    }
  }
}
