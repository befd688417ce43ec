package dev.contentcreator.functions.tasks;

import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.config.Setting;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.InternalEndpoint;
import dev.contentcreator.core.http.RequestLog;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.gcp.oidc.GoogleOidcVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP face of the task queue in production. Cloud Tasks posts a task's JSON payload to
 * {@code /{handler}} (the handler is the path's last segment) with its own headers (queue, task name, retry count) and ours
 * ({@code X-CC-Enqueued-At}, when the task was first due); the endpoint checks the caller's OIDC
 * token, then this runs the handler the local queue would run. Any answer but 2xx makes Cloud Tasks retry by the
 * queue's retry configuration: a handler asking for later gets 503 with Retry-After, a provider's
 * transient failure 503, anything unexpected a logged 500 that names nothing internal.
 */
public final class TasksApi {
  static final Setting<String> AUDIENCE = Settings.TASKS_AUDIENCE;
  static final Setting<String> INVOKERS = Settings.TASKS_INVOKER_SA;
  static final String QUEUE_HEADER = "X-CloudTasks-QueueName";
  static final String TASK_HEADER = "X-CloudTasks-TaskName";
  static final String RETRY_HEADER = "X-CloudTasks-TaskRetryCount";
  static final String ENQUEUED_HEADER = "X-CC-Enqueued-At";

  private TasksApi() {}

  /** Tasks are at most 100 KB; a little room for the JSON around the payload. */
  static final long MAX_BODY_BYTES = 128 * 1024;

  public static InternalEndpoint endpoint(GoogleOidcVerifier verifier, Map<String, TaskHandler> handlers, Clock clock,
      RequestLog log) {
    Objects.requireNonNull(verifier, "verifier");
    Map<String, TaskHandler> table = Map.copyOf(handlers);
    Objects.requireNonNull(clock, "clock");
    return InternalEndpoint.builder(verifier)
        .postAny(r -> run(table, clock, r))
        .maxBodyBytes(MAX_BODY_BYTES)
        .log(log)
        .build();
  }

  private static ApiResponse run(Map<String, TaskHandler> table, Clock clock, ApiRequest r) {
    String name = r.pathParam(InternalEndpoint.SEGMENT);
    TaskHandler handler = table.get(name);
    if (handler == null) {
      throw ApiException.notFound("No task handler is named " + name + ".");
    }
    TaskHandler.Context context = context(r, clock);
    JsonObject payload = payload(r);
    try {
      handler.handle(context, payload);
    } catch (TaskHandler.RetryLaterException e) {
      throw ApiException.of(503, "retry-later", "Try again later", "The task is not done yet; run it again later.")
          .withHeaders(Map.of("Retry-After", Long.toString(seconds(e.after()))));
    } catch (ProviderException e) {
      Log.warning("task " + context.queue() + "/" + context.taskName() + " attempt " + context.attempt()
          + " failed for now at " + e.provider() + ": " + e.getMessage());
      ApiException unavailable = ApiException.of(503, "provider-unavailable", "Try again later",
          "The provider failed for now; the task will run again.");
      throw e.retryAfter() == null ? unavailable
          : unavailable.withHeaders(Map.of("Retry-After", Long.toString(seconds(e.retryAfter()))));
    } catch (ApiException e) {
      throw e;
    } catch (Exception e) {
      Log.error("task " + context.queue() + "/" + context.taskName() + " attempt " + context.attempt()
          + " failed", e);
      throw ApiException.of(500, "internal", "Internal error",
          "The task did not finish. It has been logged and will run again.");
    }
    return ApiResponse.noContent();
  }

  /** What the queue knows of this run, from Cloud Tasks' headers and ours. */
  static TaskHandler.Context context(ApiRequest r, Clock clock) {
    String queue = required(r, QUEUE_HEADER);
    String task = required(r, TASK_HEADER);
    int retries = count(r, RETRY_HEADER).orElse(0);
    Instant first;
    Optional<String> enqueued = r.header(ENQUEUED_HEADER);
    if (enqueued.isPresent()) {
      try {
        first = Instant.parse(enqueued.get().trim());
      } catch (DateTimeParseException e) {
        throw ApiException.badRequest(ENQUEUED_HEADER, "must be an ISO-8601 instant such as 2026-11-26T10:00:00Z");
      }
    } else {
      first = clock.instant();
    }
    // Cloud Tasks gives the full task path (projects/../queues/../tasks/NAME); the queue sees NAME.
    String shortQueue = queue.substring(queue.lastIndexOf('/') + 1);
    String shortTask = task.substring(task.lastIndexOf('/') + 1);
    return new TaskHandler.Context(shortQueue, shortTask, retries + 1, first);
  }

  private static String required(ApiRequest r, String header) {
    return r.header(header).map(String::trim).filter(v -> !v.isEmpty())
        .orElseThrow(() -> ApiException.badRequest(header, "is required: it is set by Cloud Tasks"));
  }

  private static Optional<Integer> count(ApiRequest r, String header) {
    Optional<String> value = r.header(header).map(String::trim);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      int n = Integer.parseInt(value.get());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return Optional.of(n);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(header, "must be a whole number, 0 or more");
    }
  }

  private static JsonObject payload(ApiRequest r) {
    String text = new String(r.rawBody(), StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw ApiException.badRequest("body", "must be the task's payload, a JSON object");
    }
    try {
      JsonElement parsed = JsonParser.parseString(text);
      if (!parsed.isJsonObject()) {
        throw ApiException.badRequest("body", "must be a JSON object");
      }
      return parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      throw ApiException.badRequest("body", "is not valid JSON");
    }
  }

  private static long seconds(Duration d) {
    if (d == null) {
      return 1;
    }
    long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    return Math.max(1, s);
  }
}
