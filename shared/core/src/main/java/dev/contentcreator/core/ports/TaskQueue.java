package dev.contentcreator.core.ports;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The tasks port: one unit of work each (one provider call), run by a handler at least once, at
 * or after its schedule time, retried by the queue's retry configuration while the handler fails.
 * Adapters: Cloud Tasks in production (an HTTP target per handler, OIDC); on one machine a durable
 * queue in the SQLite file with Cloud Tasks' retry semantics. Every adapter passes
 * {@code TaskQueueContract}.
 */
public interface TaskQueue {

  /**
   * Creates the task unless a task of the same name was created in the same queue before (Cloud
   * Tasks' named-task dedupe); returns whether it created one.
   */
  boolean enqueue(Task task);

  /**
   * Creates each of {@code tasks} as {@link #enqueue} would, in order, and returns how many it
   * created (a name taken before, or earlier in the list, creates nothing). An adapter that can
   * store several tasks in one write does (the embedded queue: one transaction for a job's items);
   * Cloud Tasks has no batch create, so there it is one call per task. When a task fails to be
   * stored, the ones before it may have been created; calling again with the same list is safe.
   */
  default int enqueueAll(List<Task> tasks) {
    int created = 0;
    for (Task task : tasks) {
      if (enqueue(task)) {
        created++;
      }
    }
    return created;
  }

  /**
   * One task. {@code name} is unique in its queue (letters, digits, - and _, at most 100);
   * {@code handler} names the code that runs it; the payload is at most 100 KB as JSON.
   */
  record Task(String queue, String name, String handler, JsonObject payload, Instant scheduleTime) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern QUEUE = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    public Task {
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(handler, "handler");
      Objects.requireNonNull(payload, "payload");
      Objects.requireNonNull(scheduleTime, "scheduleTime");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("a task name is 1 to 100 letters, digits, - or _, got: " + name);
      }
      if (!QUEUE.matcher(queue).matches()) {
        throw new IllegalArgumentException("a queue name is lower-case letters, digits and -, got: " + queue);
      }
    }
  }
}
