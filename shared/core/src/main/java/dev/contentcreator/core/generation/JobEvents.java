package dev.contentcreator.core.generation;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Live news of jobs inside one process: item changes and text as it streams. The SSE endpoint
 * listens here for what happens in this process and reads the job's document for the rest, so it
 * is correct across instances and immediate within one. Text streamed so far is kept for a while
 * (for at most {@value #MAX_JOBS} recent jobs) and replayed to a listener that comes late, so
 * nobody sees a text start in the middle.
 */
public final class JobEvents {
  static final int MAX_JOBS = 1000;
  static final int MAX_TEXT = 200_000;

  private static final class Job {
    final List<Consumer<JsonObject>> listeners = new ArrayList<>();
    final Map<Integer, StringBuilder> streamed = new TreeMap<>();
  }

  private final Map<String, Job> jobs = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
      return size() > MAX_JOBS && eldest.getValue().listeners.isEmpty();
    }
  };

  /** Listens to one job until the returned handle is closed; first replays the text streamed so far. */
  public AutoCloseable listen(String jobId, Consumer<JsonObject> listener) {
    synchronized (jobs) {
      Job job = jobs.computeIfAbsent(jobId, k -> new Job());
      job.streamed.forEach((index, text) -> listener.accept(delta(index, text.toString())));
      job.listeners.add(listener);
    }
    return () -> {
      synchronized (jobs) {
        Job job = jobs.get(jobId);
        if (job != null) {
          job.listeners.remove(listener);
        }
      }
    };
  }

  public void publish(String jobId, JsonObject event) {
    List<Consumer<JsonObject>> targets;
    synchronized (jobs) {
      Job job = jobs.computeIfAbsent(jobId, k -> new Job());
      if ("reset".equals(event.get("type").getAsString())) {
        // A new attempt of the item starts its text again; what an earlier attempt streamed is void.
        job.streamed.remove(event.get("index").getAsInt());
      } else if ("delta".equals(event.get("type").getAsString())) {
        StringBuilder text = job.streamed.computeIfAbsent(event.get("index").getAsInt(), k -> new StringBuilder());
        if (text.length() < MAX_TEXT) {
          text.append(event.get("text").getAsString());
        }
      }
      targets = List.copyOf(job.listeners);
    }
    // Delivered outside the lock; listeners only enqueue, so the order per job is kept by the caller's thread.
    for (Consumer<JsonObject> l : targets) {
      l.accept(event);
    }
  }

  static JsonObject reset(int index) {
    JsonObject o = new JsonObject();
    o.addProperty("type", "reset");
    o.addProperty("index", index);
    return o;
  }

  static JsonObject delta(int index, String text) {
    JsonObject o = new JsonObject();
    o.addProperty("type", "delta");
    o.addProperty("index", index);
    o.addProperty("text", text);
    return o;
  }
}
