package dev.contentcreator.gcp.tasks;

import com.google.cloud.tasks.v2.CreateTaskRequest;
import com.google.cloud.tasks.v2.HttpRequest;
import com.google.cloud.tasks.v2.Task;
import com.google.cloud.tasks.v2.TaskName;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for Cloud Tasks, for tests: an in-process gRPC server that speaks the CreateTask
 * method of {@code google.cloud.tasks.v2.CloudTasks} to the real client, and a dispatcher that
 * pushes each task to its HTTP target as Cloud Tasks documents it: at or after the schedule time,
 * with the task's method, headers and body plus {@code X-CloudTasks-QueueName},
 * {@code X-CloudTasks-TaskName}, {@code X-CloudTasks-TaskRetryCount} and
 * {@code X-CloudTasks-TaskExecutionCount}; a 2xx ends the task, anything else is retried after the
 * queue's backoff (doubling from the minimum up to the maximum), or after the response's
 * {@code Retry-After} when a 429 or 503 carries one and it is longer; after the queue's maximum
 * attempts the task is dropped. A task name stays taken after its task ended.
 *
 * <p>What it does not do: mint the OIDC token Cloud Tasks would attach (that needs Google's
 * signing keys; it only checks that the task asks for one), rate limits and system throttling,
 * the max retry duration, and redelivery after a dispatch deadline.
 */
final class FakeCloudTasks implements AutoCloseable {
  private static final String SERVICE = "google.cloud.tasks.v2.CloudTasks";

  private final String serverName = "fake-cloud-tasks-" + System.nanoTime();
  private final Map<String, Retry> retries = new ConcurrentHashMap<>();
  private final Set<String> taken = ConcurrentHashMap.newKeySet();
  private final Set<String> gaveUp = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService dispatcher = Executors.newScheduledThreadPool(4);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Server server;

  /** A queue's retry config, as Terraform sets it on the real queue. */
  record Retry(int maxAttempts, Duration minBackoff, Duration maxBackoff) {}

  FakeCloudTasks() throws IOException {
    server = InProcessServerBuilder.forName(serverName).directExecutor().addService(service()).build().start();
  }

  /** The name the client's in-process channel connects to. */
  String serverName() {
    return serverName;
  }

  /** Sets the retry config of {@code queue} (the short queue name). */
  void configure(String queue, Retry retry) {
    retries.put(queue, retry);
  }

  /** Whether Cloud Tasks stopped trying the task {@code name} of {@code queue} because its attempts ran out. */
  boolean gaveUp(String queue, String name) {
    return gaveUp.contains(queue + "/" + name);
  }

  @Override
  public void close() {
    dispatcher.shutdownNow();
    server.shutdownNow();
  }

  private ServerServiceDefinition service() {
    MethodDescriptor<CreateTaskRequest, Task> createTask = MethodDescriptor.<CreateTaskRequest, Task>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "CreateTask"))
        .setRequestMarshaller(ProtoUtils.marshaller(CreateTaskRequest.getDefaultInstance()))
        .setResponseMarshaller(ProtoUtils.marshaller(Task.getDefaultInstance()))
        .build();
    return ServerServiceDefinition.builder(SERVICE)
        .addMethod(createTask, ServerCalls.asyncUnaryCall((request, response) -> {
          Task task = request.getTask();
          Status refusal = check(request);
          if (refusal != null) {
            response.onError(refusal.asRuntimeException());
          } else if (!taken.add(task.getName())) {
            response.onError(Status.ALREADY_EXISTS.withDescription("Requested entity already exists")
                .asRuntimeException());
          } else {
            schedule(task, 0, Instant.ofEpochSecond(task.getScheduleTime().getSeconds(),
                task.getScheduleTime().getNanos()));
            response.onNext(task);
            response.onCompleted();
          }
        }))
        .build();
  }

  /** What Cloud Tasks would refuse: a task outside its parent queue, no HTTP target, an unknown queue. */
  private Status check(CreateTaskRequest request) {
    Task task = request.getTask();
    if (!TaskName.isParsableFrom(task.getName()) || !task.getName().startsWith(request.getParent() + "/tasks/")) {
      return Status.INVALID_ARGUMENT.withDescription("task name " + task.getName() + " is not under "
          + request.getParent());
    }
    if (!task.hasHttpRequest() || !task.getHttpRequest().hasOidcToken()) {
      return Status.INVALID_ARGUMENT.withDescription("the task needs an HTTP target with an OIDC token");
    }
    if (!retries.containsKey(TaskName.parse(task.getName()).getQueue())) {
      return Status.NOT_FOUND.withDescription("Queue does not exist.");
    }
    return null;
  }

  private void schedule(Task task, int dispatches, Instant at) {
    long delay = Math.max(0, Duration.between(Instant.now(), at).toNanos());
    dispatcher.schedule(() -> dispatch(task, dispatches, at), delay, TimeUnit.NANOSECONDS);
  }

  private void dispatch(Task task, int dispatches, Instant at) {
    if (Instant.now().isBefore(at)) {
      schedule(task, dispatches, at);
      return;
    }
    TaskName name = TaskName.parse(task.getName());
    HttpRequest target = task.getHttpRequest();
    java.net.http.HttpRequest.Builder push = java.net.http.HttpRequest.newBuilder(URI.create(target.getUrl()))
        .timeout(Duration.ofSeconds(30))
        .method(target.getHttpMethod().name(),
            java.net.http.HttpRequest.BodyPublishers.ofByteArray(target.getBody().toByteArray()));
    target.getHeadersMap().forEach(push::header);
    push.header("X-CloudTasks-QueueName", name.getQueue())
        .header("X-CloudTasks-TaskName", name.getTask())
        .header("X-CloudTasks-TaskRetryCount", Integer.toString(dispatches))
        .header("X-CloudTasks-TaskExecutionCount", Integer.toString(dispatches));
    HttpResponse<Void> response;
    try {
      response = http.send(push.build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      response = null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (response != null && response.statusCode() / 100 == 2) {
      return;
    }
    Retry retry = retries.get(name.getQueue());
    int attempts = dispatches + 1;
    if (attempts >= retry.maxAttempts()) {
      gaveUp.add(name.getQueue() + "/" + name.getTask());
      return;
    }
    Duration wait = backoff(retry, attempts);
    Duration asked = response == null ? Duration.ZERO : retryAfter(response);
    schedule(task, attempts, Instant.now().plus(asked.compareTo(wait) > 0 ? asked : wait));
  }

  private static Duration backoff(Retry retry, int attempts) {
    Duration wait = retry.minBackoff();
    for (int i = 1; i < attempts && wait.compareTo(retry.maxBackoff()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : wait;
  }

  /** The Retry-After of a 429 or 503, in seconds, which Cloud Tasks considers; otherwise none. */
  private static Duration retryAfter(HttpResponse<Void> response) {
    if (response.statusCode() != 429 && response.statusCode() != 503) {
      return Duration.ZERO;
    }
    return response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d{1,9}"))
        .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(Duration.ZERO);
  }
}
