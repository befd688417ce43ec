package dev.contentcreator.gcp.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.CloudTasksSettings;
import com.google.cloud.tasks.v2.CreateTaskRequest;
import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.HttpRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Timestamp;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.ports.TaskQueue.Task;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cloud Tasks has no emulator, so these tests put the real client in front of an in-process gRPC
 * server that speaks the CreateTask method of {@code google.cloud.tasks.v2.CloudTasks}: it records
 * each request and, like Cloud Tasks, answers ALREADY_EXISTS to a second task of the same name.
 */
final class CloudTasksQueueTest {
  private static final String SERVICE = "google.cloud.tasks.v2.CloudTasks";
  private static final Instant NOW = Instant.parse("2026-11-26T04:15:30.123456789Z");
  private static final CloudTasksQueue.Target TARGET = new CloudTasksQueue.Target("cc-prod", "europe-west1",
      "https://tasks-abc-ew.a.run.app", "tasks-invoker@cc-prod.iam.gserviceaccount.com", "https://tasks.example");

  private final List<CreateTaskRequest> received = new CopyOnWriteArrayList<>();
  private final Set<String> taken = ConcurrentHashMap.newKeySet();
  private volatile Status refuseWith;
  /** A task name the fake refuses with FAILED_PRECONDITION, the others being created. */
  private volatile String refuseName;
  /** When set, the fake answers nothing until this many calls wait, then answers them all. */
  private volatile int holdUntil;
  private final List<Runnable> held = new ArrayList<>();
  private int mostHeld;
  private Server server;
  private ManagedChannel channel;
  private CloudTasksQueue queue;

  @BeforeEach
  void start() throws Exception {
    String name = "cloud-tasks-" + System.nanoTime();
    server = InProcessServerBuilder.forName(name).directExecutor().addService(fakeCloudTasks()).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    CloudTasksClient client = CloudTasksClient.create(CloudTasksSettings.newBuilder()
        .setTransportChannelProvider(FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel)))
        .setCredentialsProvider(NoCredentialsProvider.create())
        .build());
    queue = CloudTasksQueue.create(client, TARGET, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    queue.close();
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void taskGoesToTheQueueOfItsProjectAndLocation() {
    queue.enqueue(task("generation", "job1-item1", "generate", payload(), NOW));

    assertEquals("projects/cc-prod/locations/europe-west1/queues/generation", only().getParent());
  }

  @Test
  void taskIsNamedUnderItsQueue() {
    queue.enqueue(task("generation", "job1-item1", "generate", payload(), NOW));

    assertEquals("projects/cc-prod/locations/europe-west1/queues/generation/tasks/job1-item1",
        only().getTask().getName());
  }

  @Test
  void taskRunsAtItsScheduleTime() {
    Instant later = Instant.parse("2026-11-26T05:00:00.250Z");

    queue.enqueue(task("generation-poll", "poll-1", "poll", payload(), later));

    Timestamp at = only().getTask().getScheduleTime();
    assertEquals(later, Instant.ofEpochSecond(at.getSeconds(), at.getNanos()));
  }

  @Test
  void taskPostsThePayloadAsJsonToTheHandlersAddress() {
    JsonObject payload = JsonParser.parseString("{\"jobId\":\"j1\",\"itemId\":\"i1\",\"text\":\"héllo\"}")
        .getAsJsonObject();

    queue.enqueue(task("generation", "job1-item1", "generate", payload, NOW));

    HttpRequest http = only().getTask().getHttpRequest();
    assertEquals(HttpMethod.POST, http.getHttpMethod());
    assertEquals("https://tasks-abc-ew.a.run.app/generate", http.getUrl());
    assertEquals(payload, JsonParser.parseString(http.getBody().toString(StandardCharsets.UTF_8)));
  }

  @Test
  void taskCarriesTheContentTypeAndTheInstantItWasEnqueued() {
    queue.enqueue(task("generation", "job1-item1", "generate", payload(), NOW.plusSeconds(600)));

    assertEquals(Map.of("Content-Type", "application/json", "X-CC-Enqueued-At", "2026-11-26T04:15:30.123456789Z"),
        only().getTask().getHttpRequest().getHeadersMap());
  }

  @Test
  void taskCarriesAnOidcTokenOfTheInvokerForTheAudience() {
    queue.enqueue(task("generation", "job1-item1", "generate", payload(), NOW));

    var oidc = only().getTask().getHttpRequest().getOidcToken();
    assertEquals("tasks-invoker@cc-prod.iam.gserviceaccount.com", oidc.getServiceAccountEmail());
    assertEquals("https://tasks.example", oidc.getAudience());
  }

  @Test
  void firstEnqueueOfANameCreatesTheTask() {
    assertTrue(queue.enqueue(task("generation", "job1-item1", "generate", payload(), NOW)));
  }

  @Test
  void secondEnqueueOfANameIsRefusedByCloudTasksAndAnsweredFalse() {
    queue.enqueue(task("generation", "job1-item1", "generate", payload(), NOW));

    assertFalse(queue.enqueue(task("generation", "job1-item1", "generate", payload(), NOW)));
    assertEquals(2, received.size());
  }

  @Test
  void otherRefusalsFailWithTheQueueAndTheReason() {
    refuseWith = Status.NOT_FOUND.withDescription("Queue does not exist.");

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> queue.enqueue(task("generation", "job1-item1", "generate", payload(), NOW)));

    assertTrue(e.getMessage().contains("projects/cc-prod/locations/europe-west1/queues/generation"), e.getMessage());
    assertTrue(e.getMessage().contains("NOT_FOUND"), e.getMessage());
  }

  @Test
  void enqueueAllKeepsSoManyCallsInFlightAtOnce() throws Exception {
    holdUntil = CloudTasksQueue.CALLS_IN_FLIGHT;
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < CloudTasksQueue.CALLS_IN_FLIGHT * 2; i++) {
      tasks.add(task("generation", "job1-item" + i, "generate", payload(), NOW));
    }
    // One call at a time would wait forever for the first answer, which comes only when 32 wait.
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      assertEquals(tasks.size(), caller.submit(() -> queue.enqueueAll(tasks)).get(20, TimeUnit.SECONDS));
    } finally {
      caller.shutdownNow();
    }
    assertEquals(CloudTasksQueue.CALLS_IN_FLIGHT, mostHeld);
    assertEquals(tasks.size(), received.size());
  }

  @Test
  void enqueueAllFinishesTheOthersThenThrowsTheFirstRefusal() {
    refuseName = "job1-item1";

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> queue.enqueueAll(List.of(
        task("generation", "job1-item0", "generate", payload(), NOW),
        task("generation", "job1-item1", "generate", payload(), NOW),
        task("generation", "job1-item2", "generate", payload(), NOW))));

    assertTrue(e.getMessage().contains("job1-item1") && e.getMessage().contains("FAILED_PRECONDITION"), e.getMessage());
    assertEquals(3, received.size());
    refuseName = null;
    assertEquals(1, queue.enqueueAll(List.of(task("generation", "job1-item0", "generate", payload(), NOW),
        task("generation", "job1-item1", "generate", payload(), NOW))), "again: only the refused one is created");
  }

  @Test
  void enqueueAllChecksEveryTaskBeforeSendingAny() {
    JsonObject big = new JsonObject();
    big.addProperty("text", "x".repeat(CloudTasksQueue.MAX_PAYLOAD_BYTES));

    assertThrows(IllegalArgumentException.class, () -> queue.enqueueAll(List.of(
        task("generation", "fine", "generate", payload(), NOW), task("generation", "big", "generate", big, NOW))));
    assertEquals(List.of(), received);
  }

  @Test
  void payloadOverTheLimitIsRefusedBeforeCallingCloudTasks() {
    JsonObject big = new JsonObject();
    big.addProperty("text", "x".repeat(CloudTasksQueue.MAX_PAYLOAD_BYTES));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> queue.enqueue(task("generation", "big", "generate", big, NOW)));

    assertTrue(e.getMessage().contains("at most " + CloudTasksQueue.MAX_PAYLOAD_BYTES), e.getMessage());
    assertEquals(List.of(), received);
  }

  @Test
  void payloadAtTheLimitIsSent() {
    JsonObject exact = new JsonObject();
    exact.addProperty("t", "x".repeat(CloudTasksQueue.MAX_PAYLOAD_BYTES - "{\"t\":\"\"}".length()));

    assertTrue(queue.enqueue(task("generation", "exact", "generate", exact, NOW)));
  }

  @Test
  void scheduleTimeBeyondThirtyDaysIsRefusedBeforeCallingCloudTasks() {
    assertThrows(IllegalArgumentException.class,
        () -> queue.enqueue(task("generation", "late", "generate", payload(), NOW.plus(Duration.ofDays(31)))));
    assertTrue(queue.enqueue(task("generation", "in-time", "generate", payload(), NOW.plus(Duration.ofDays(30)))));
    assertEquals(1, received.size());
  }

  @Test
  void handlerThatIsNotOnePathSegmentIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> queue.enqueue(task("generation", "t1", "../admin", payload(), NOW)));
    assertThrows(IllegalArgumentException.class, () -> queue.enqueue(task("generation", "t1", "..", payload(), NOW)));
    assertEquals(List.of(), received);
  }

  @Test
  void configurationNamesEveryPartOfTheTarget() {
    CloudTasksQueue.Target target = CloudTasksQueueFactory.target(Config.of(Map.of(
        "GOOGLE_CLOUD_PROJECT", "p1", "REGION", "us-central1", "TASKS_TARGET_URL", "https://runner.example/tasks/",
        "TASKS_INVOKER_SA", "sa@p1.iam.gserviceaccount.com")));

    assertEquals(new CloudTasksQueue.Target("p1", "us-central1", "https://runner.example/tasks",
        "sa@p1.iam.gserviceaccount.com", "https://runner.example/tasks/"), target);
  }

  @Test
  void tasksLocationWinsOverRegionAndAudienceCanBeSet() {
    CloudTasksQueue.Target target = CloudTasksQueueFactory.target(Config.of(Map.of(
        "GOOGLE_CLOUD_PROJECT", "p1", "REGION", "us-central1", "TASKS_LOCATION", "europe-west1",
        "TASKS_TARGET_URL", "https://runner.example", "TASKS_INVOKER_SA", "sa@p1.iam.gserviceaccount.com",
        "TASKS_AUDIENCE", "runner")));

    assertEquals("europe-west1", target.location());
    assertEquals("runner", target.audience());
  }

  @Test
  void missingSettingIsNamed() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> CloudTasksQueueFactory.target(
        Config.of(Map.of("GOOGLE_CLOUD_PROJECT", "p1", "REGION", "us-central1",
            "TASKS_TARGET_URL", "https://runner.example"))));

    assertTrue(e.getMessage().contains("TASKS_INVOKER_SA"), e.getMessage());
  }

  private CreateTaskRequest only() {
    assertEquals(1, received.size(), "requests: " + received);
    return received.get(0);
  }

  private static Task task(String queue, String name, String handler, JsonObject payload, Instant at) {
    return new Task(queue, name, handler, payload, at);
  }

  private static JsonObject payload() {
    JsonObject p = new JsonObject();
    p.addProperty("jobId", "j1");
    return p;
  }

  private ServerServiceDefinition fakeCloudTasks() {
    MethodDescriptor<CreateTaskRequest, com.google.cloud.tasks.v2.Task> createTask =
        MethodDescriptor.<CreateTaskRequest, com.google.cloud.tasks.v2.Task>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "CreateTask"))
            .setRequestMarshaller(ProtoUtils.marshaller(CreateTaskRequest.getDefaultInstance()))
            .setResponseMarshaller(ProtoUtils.marshaller(com.google.cloud.tasks.v2.Task.getDefaultInstance()))
            .build();
    return ServerServiceDefinition.builder(SERVICE)
        .addMethod(createTask, ServerCalls.asyncUnaryCall((request, response) -> {
          received.add(request);
          if (holdUntil > 0) {
            List<Runnable> release = List.of();
            synchronized (held) {
              held.add(() -> {
                response.onNext(request.getTask());
                response.onCompleted();
              });
              mostHeld = Math.max(mostHeld, held.size());
              if (held.size() >= holdUntil) {
                release = new ArrayList<>(held);
                held.clear();
              }
            }
            release.forEach(Runnable::run);
            return;
          }
          if (request.getTask().getName().endsWith("/" + refuseName)) {
            response.onError(Status.FAILED_PRECONDITION.withDescription("refused by the test").asRuntimeException());
            return;
          }
          if (refuseWith != null) {
            response.onError(refuseWith.asRuntimeException());
          } else if (!taken.add(request.getTask().getName())) {
            response.onError(Status.ALREADY_EXISTS.withDescription("Requested entity already exists")
                .asRuntimeException());
          } else {
            response.onNext(request.getTask());
            response.onCompleted();
          }
        }))
        .build();
  }
}
