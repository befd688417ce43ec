package dev.contentcreator.gcp.tasks;

import com.google.api.core.ApiFuture;
import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.ApiException;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.CreateTaskRequest;
import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.HttpRequest;
import com.google.cloud.tasks.v2.OidcToken;
import com.google.cloud.tasks.v2.QueueName;
import com.google.cloud.tasks.v2.TaskName;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.contentcreator.core.ports.TaskQueue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

/**
 * The tasks port on Cloud Tasks. Each task becomes a named Cloud Tasks task (so a second enqueue of
 * the same name is refused by Cloud Tasks itself, and answered {@code false}) with an HTTP target:
 * {@code POST {targetUrl}/{handler}}, the payload as the JSON body, {@code Content-Type:
 * application/json}, {@value #ENQUEUED_AT_HEADER} (the ISO-8601 instant of the enqueue, so the
 * runner knows when the first attempt was asked for) and an OIDC token of the invoker service
 * account for the audience, which the runner verifies. Cloud Tasks adds its own
 * {@code X-CloudTasks-*} headers. Retries follow the queue's retry config, set in Terraform.
 * Thread-safe, as the client is.
 */
public final class CloudTasksQueue implements TaskQueue, AutoCloseable {
  /** The largest payload, as UTF-8 JSON: within Cloud Tasks' 100 KB per task, as on one machine. */
  public static final int MAX_PAYLOAD_BYTES = 100_000;
  /** How far ahead Cloud Tasks accepts a schedule time. */
  public static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(30);
  /** The header carrying the instant the task was enqueued. */
  public static final String ENQUEUED_AT_HEADER = "X-CC-Enqueued-At";

  /** Create calls sent at once by {@link #enqueueAll}. */
  static final int CALLS_IN_FLIGHT = 32;

  private final CloudTasksClient client;
  private final Target target;
  private final Clock clock;

  private CloudTasksQueue(CloudTasksClient client, Target target, Clock clock) {
    this.client = client;
    this.target = target;
    this.clock = clock;
  }

  /** The queue adapter sending through {@code client} to {@code target}; the adapter closes the client. */
  public static CloudTasksQueue create(CloudTasksClient client, Target target, Clock clock) {
    return new CloudTasksQueue(Objects.requireNonNull(client, "client"), Objects.requireNonNull(target, "target"),
        Objects.requireNonNull(clock, "clock"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException for a payload over {@value #MAX_PAYLOAD_BYTES} bytes as JSON, a
   *     handler name that is not one path segment, or a schedule time more than 30 days ahead
   * @throws IllegalStateException when Cloud Tasks refuses the task for another reason (no such
   *     queue, no permission, unavailable)
   */
  @Override
  public boolean enqueue(Task task) {
    return enqueueAll(List.of(Objects.requireNonNull(task, "task"))) == 1;
  }

  /**
   * Cloud Tasks has no batch create, so the tasks are created with one call each, but at most
   * {@value #CALLS_IN_FLIGHT} at once over the client's one channel rather than one after another:
   * a job's fan-out of 100 items waited for 100 round trips in a row. Every task is checked before
   * any is sent. When Cloud Tasks refuses one, the others still finish, and then the first refusal is
   * thrown; the tasks created stay, and calling again with the same list creates only the rest.
   *
   * @throws IllegalArgumentException as {@link #enqueue} does, for any of the tasks
   * @throws IllegalStateException when Cloud Tasks refuses a task for a reason other than its name
   */
  @Override
  public int enqueueAll(List<Task> tasks) {
    Instant enqueuedAt = clock.instant();
    List<CreateTaskRequest> requests = new ArrayList<>(tasks.size());
    for (Task task : tasks) {
      requests.add(request(Objects.requireNonNull(task, "task"), enqueuedAt));
    }
    int created = 0;
    IllegalStateException refused = null;
    for (int from = 0; from < requests.size(); from += CALLS_IN_FLIGHT) {
      List<CreateTaskRequest> window = requests.subList(from, Math.min(requests.size(), from + CALLS_IN_FLIGHT));
      List<ApiFuture<com.google.cloud.tasks.v2.Task>> calls = new ArrayList<>(window.size());
      for (CreateTaskRequest request : window) {
        calls.add(client.createTaskCallable().futureCall(request));
      }
      for (int i = 0; i < calls.size(); i++) {
        try {
          calls.get(i).get();
          created++;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof AlreadyExistsException) {
            continue;
          }
          if (refused == null) {
            refused = refusal(window.get(i), e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while creating tasks on Cloud Tasks", e);
        }
      }
    }
    if (refused != null) {
      throw refused;
    }
    return created;
  }

  /** The create request of {@code task}, checked as {@link #enqueue} says. */
  private CreateTaskRequest request(Task task, Instant enqueuedAt) {
    if (!task.handler().matches("[A-Za-z0-9_.-]{1,100}") || task.handler().matches("\\.+")) {
      throw new IllegalArgumentException("a handler name is one path segment of letters, digits, _ . or -, got: "
          + task.handler());
    }
    byte[] body = task.payload().toString().getBytes(StandardCharsets.UTF_8);
    if (body.length > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("the payload of task " + task.name() + " is " + body.length
          + " bytes as JSON; Cloud Tasks takes at most " + MAX_PAYLOAD_BYTES);
    }
    if (task.scheduleTime().isAfter(enqueuedAt.plus(MAX_SCHEDULE_AHEAD))) {
      throw new IllegalArgumentException("task " + task.name() + " is scheduled for " + task.scheduleTime()
          + "; Cloud Tasks takes schedule times at most " + MAX_SCHEDULE_AHEAD.toDays() + " days ahead");
    }
    HttpRequest http = HttpRequest.newBuilder()
        .setHttpMethod(HttpMethod.POST)
        .setUrl(target.url() + "/" + task.handler())
        .putHeaders("Content-Type", "application/json")
        .putHeaders(ENQUEUED_AT_HEADER, enqueuedAt.toString())
        .setBody(ByteString.copyFrom(body))
        .setOidcToken(OidcToken.newBuilder()
            .setServiceAccountEmail(target.invokerServiceAccount())
            .setAudience(target.audience()))
        .build();
    com.google.cloud.tasks.v2.Task cloudTask = com.google.cloud.tasks.v2.Task.newBuilder()
        .setName(TaskName.of(target.project(), target.location(), task.queue(), task.name()).toString())
        .setScheduleTime(timestamp(task.scheduleTime()))
        .setHttpRequest(http)
        .build();
    return CreateTaskRequest.newBuilder()
        .setParent(QueueName.of(target.project(), target.location(), task.queue()).toString())
        .setTask(cloudTask)
        .build();
  }

  private static IllegalStateException refusal(CreateTaskRequest request, Throwable cause) {
    String code = cause instanceof ApiException api ? String.valueOf(api.getStatusCode().getCode()) : "no answer";
    return new IllegalStateException("Cloud Tasks refused task " + TaskName.parse(request.getTask().getName()).getTask()
        + " on " + request.getParent() + " (" + code + "): " + cause.getMessage(), cause);
  }

  @Override
  public void close() {
    client.close();
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  /**
   * Where tasks go and who they claim to come from.
   *
   * @param project the Google Cloud project of the queues
   * @param location the queues' region
   * @param url the runner's base address; a task goes to {@code url/handler}
   * @param invokerServiceAccount the service account whose OIDC token Cloud Tasks sends
   * @param audience the token's audience, which the runner checks
   */
  public record Target(String project, String location, String url, String invokerServiceAccount,
      String audience) {
    /** Checks each part and drops a trailing slash from the address. */
    public Target {
      requireText("project", project);
      requireText("location", location);
      requireText("invokerServiceAccount", invokerServiceAccount);
      requireText("audience", audience);
      requireText("url", url);
      URI uri = URI.create(url);
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
          || uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException("the tasks target is an http(s) address without query or fragment, got: "
            + url);
      }
      while (url.endsWith("/")) {
        url = url.substring(0, url.length() - 1);
      }
    }

    private static void requireText(String name, String value) {
      Objects.requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
    }
  }
}
