package dev.contentcreator.gcp.tasks;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.CloudTasksSettings;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.testkit.TaskQueueContract;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;

/**
 * The tasks contract, run on the real {@link CloudTasksQueue} and the real Cloud Tasks client
 * against {@link FakeCloudTasks}, which pushes each task over HTTP to a receiver in this test. The
 * receiver turns a push into a handler call the way the tasks runner does: the attempt is
 * {@code X-CloudTasks-TaskRetryCount + 1}, the first attempt's time is the enqueue time the adapter
 * sent, a handler's {@link TaskHandler.RetryLaterException} answers 503 with {@code Retry-After}
 * in whole seconds, any other failure 500.
 */
final class CloudTasksQueueContractTest extends TaskQueueContract {
  private FakeCloudTasks cloudTasks;
  private ManagedChannel channel;
  private HttpServer receiver;
  private ExecutorService receiverThreads;

  @Override
  protected TaskQueue open(Setup setup) {
    try {
      cloudTasks = new FakeCloudTasks();
      receiverThreads = Executors.newFixedThreadPool(4);
      receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      receiver.setExecutor(receiverThreads);
      receiver.createContext("/", exchange -> receive(exchange, setup.handlers()));
      receiver.start();
      for (String queue : setup.queues()) {
        cloudTasks.configure(queue, new FakeCloudTasks.Retry(setup.maxAttempts(), setup.minBackoff(),
            setup.maxBackoff()));
      }
      channel = InProcessChannelBuilder.forName(cloudTasks.serverName()).directExecutor().build();
      CloudTasksClient client = CloudTasksClient.create(CloudTasksSettings.newBuilder()
          .setTransportChannelProvider(FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel)))
          .setCredentialsProvider(NoCredentialsProvider.create())
          .build());
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/tasks";
      return CloudTasksQueue.create(client, new CloudTasksQueue.Target("cc-test", "europe-west1", url,
          "tasks-invoker@cc-test.iam.gserviceaccount.com", url), Clock.systemUTC());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected boolean gaveUp(String queue, String taskName) {
    return cloudTasks.gaveUp(queue, taskName);
  }

  @AfterEach
  void stopTheFake() {
    cloudTasks.close();
    receiver.stop(0);
    receiverThreads.shutdownNow();
    channel.shutdownNow();
  }

  private static void receive(HttpExchange exchange, Map<String, TaskHandler> handlers) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      String path = exchange.getRequestURI().getPath();
      TaskHandler handler = handlers.get(path.substring(path.lastIndexOf('/') + 1));
      if (handler == null || !"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      var headers = exchange.getRequestHeaders();
      TaskHandler.Context context = new TaskHandler.Context(headers.getFirst("X-CloudTasks-QueueName"),
          headers.getFirst("X-CloudTasks-TaskName"),
          Integer.parseInt(headers.getFirst("X-CloudTasks-TaskRetryCount")) + 1,
          Instant.parse(headers.getFirst(CloudTasksQueue.ENQUEUED_AT_HEADER)));
      int status;
      try {
        handler.handle(context, JsonParser.parseString(new String(body.readAllBytes(), StandardCharsets.UTF_8))
            .getAsJsonObject());
        status = 204;
      } catch (TaskHandler.RetryLaterException e) {
        Duration after = e.after() == null ? Duration.ZERO : e.after();
        long seconds = after.getSeconds() + (after.getNano() > 0 ? 1 : 0);
        exchange.getResponseHeaders().add("Retry-After", Long.toString(seconds));
        status = 503;
      } catch (Exception e) {
        status = 500;
      }
      exchange.sendResponseHeaders(status, -1);
    }
  }
}
