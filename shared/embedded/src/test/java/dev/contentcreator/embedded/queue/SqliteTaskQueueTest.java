package dev.contentcreator.embedded.queue;

import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.testkit.TaskQueueContract;
import java.nio.file.Path;
import java.time.Duration;
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
}
