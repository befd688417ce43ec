package dev.contentcreator.embedded.queue;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.testkit.TaskQueueContract;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tasks contract, run against a SQLite file in a fresh folder per test. */
final class SqliteTaskQueueTest extends TaskQueueContract {
  @TempDir
  Path folder;
  private SqliteTaskQueue opened;

  @Override
  protected TaskQueue open(Setup setup) {
    opened = SqliteTaskQueue.builder(folder.resolve("contract.db")).pollInterval(Duration.ofMillis(200)).build();
    for (String queue : setup.queues()) {
      opened.configureQueue(QueueConfig.builder(queue)
          .maxAttempts(setup.maxAttempts())
          .minBackoff(setup.minBackoff())
          .maxBackoff(setup.maxBackoff())
          .build());
    }
    setup.handlers().forEach(opened::registerHandler);
    opened.start();
    return opened;
  }

  @Override
  protected boolean gaveUp(String queue, String taskName) {
    return opened.find(queue, taskName).map(task -> task.state() == WorkState.DEAD).orElse(false);
  }

  @Test
  void enqueueAllStoresNoneWhenOneOfItsTasksIsRefused() {
    JsonObject tooBig = new JsonObject();
    tooBig.addProperty("blob", "x".repeat(150_000));

    assertThrows(IllegalArgumentException.class, () -> queue.enqueueAll(List.of(task(QUEUE, "first", payload(1)),
        task(QUEUE, "too-big", tooBig), task(QUEUE, "last", payload(3)))));

    assertTrue(opened.find(QUEUE, "first").isEmpty(), "checked before anything is stored");
    assertTrue(opened.find(QUEUE, "last").isEmpty());
  }
}
