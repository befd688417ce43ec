package dev.contentcreator.core.generation;

import dev.contentcreator.core.ports.TaskHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one table of task handlers by name: the local server registers these on its durable queue,
 * and the {@code tasks} function that Cloud Tasks calls dispatches by them, so the two cannot
 * drift apart. The runner is asked for only when a task runs.
 */
public final class GenerationTasks {
  private GenerationTasks() {}

  /** {@code generate-item} and {@code poll-item}, each run by the item runner. */
  public static Map<String, TaskHandler> handlers(Supplier<ItemRunner> runner) {
    Objects.requireNonNull(runner, "runner");
    Map<String, TaskHandler> table = new LinkedHashMap<>();
    table.put(GenerationSettings.GENERATE_HANDLER, (context, payload) -> runner.get().generate(context, payload));
    table.put(GenerationSettings.POLL_HANDLER, (context, payload) -> runner.get().poll(context, payload));
    return Map.copyOf(table);
  }
}
