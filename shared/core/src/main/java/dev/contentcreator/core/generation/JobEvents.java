package dev.contentcreator.core.generation;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Live news of jobs inside one process: item changes and text as it streams. The SSE endpoint
 * listens here for what happens in this process and reads the job's document for the rest, so
 * it is correct across instances and immediate within one.
 */
public final class JobEvents {
  private final Map<String, List<Consumer<JsonObject>>> listeners = new ConcurrentHashMap<>();

  /** Listens to one job until the returned handle is closed. */
  public AutoCloseable listen(String jobId, Consumer<JsonObject> listener) {
    listeners.computeIfAbsent(jobId, k -> new CopyOnWriteArrayList<>()).add(listener);
    return () -> listeners.computeIfPresent(jobId, (k, list) -> {
      list.remove(listener);
      return list.isEmpty() ? null : list;
    });
  }

  public void publish(String jobId, JsonObject event) {
    List<Consumer<JsonObject>> list = listeners.get(jobId);
    if (list != null) {
      for (Consumer<JsonObject> l : list) {
        l.accept(event);
      }
    }
  }

  static JsonObject delta(int index, String text) {
    JsonObject o = new JsonObject();
    o.addProperty("type", "delta");
    o.addProperty("index", index);
    o.addProperty("text", text);
    return o;
  }
}
