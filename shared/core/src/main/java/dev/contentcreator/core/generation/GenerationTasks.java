package dev.contentcreator.core.generation;

import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one table of task handlers by name: the local server registers these on its durable queue,
 * and the {@code tasks} function that Cloud Tasks calls dispatches by them, so the two cannot
 * drift apart. The runner is asked for only when a task runs. Also the tasks themselves, each
 * named from what it runs, so that enqueueing one twice makes it once.
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

  /** An item's generate task: the same name for every delivery of the same job's event. */
  static TaskQueue.Task generate(String jobId, int index, Instant at) {
    JsonObject payload = new JsonObject();
    payload.addProperty("jobId", jobId);
    payload.addProperty("index", index);
    return new TaskQueue.Task(GenerationSettings.QUEUE, "gen-" + GenerationService.hash(jobId + ":" + index)
        .substring(0, 40), GenerationSettings.GENERATE_HANDLER, payload, at);
  }

  /** The poll of an item's provider task: one pending poll an item. */
  static TaskQueue.Task poll(String itemId, Instant at) {
    JsonObject payload = new JsonObject();
    payload.addProperty("itemId", itemId);
    return new TaskQueue.Task(GenerationSettings.POLL_QUEUE, "poll-" + GenerationService.hash(itemId).substring(0, 40),
        GenerationSettings.POLL_HANDLER, payload, at);
  }
}
