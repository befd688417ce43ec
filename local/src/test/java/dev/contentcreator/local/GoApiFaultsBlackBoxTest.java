package dev.contentcreator.local;

import static dev.contentcreator.local.FakeProviders.TASKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.local.Api.Answer;
import dev.contentcreator.local.FakeProviders.Call;
import dev.contentcreator.local.FakeProviders.Task;
import dev.contentcreator.local.FakeProviders.WebhookAnswer;
import dev.contentcreator.local.FaultRig.Owner;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images through a fake GoAPI and the running local server: a task completed by its webhook, a
 * webhook that never comes (polling finishes the item), a task that never completes (the deadline
 * fails it), a forged webhook, and repeated requests that must not create a second task.
 */
class GoApiFaultsBlackBoxTest {
  private static final Duration DEADLINE = Duration.ofSeconds(6);

  @TempDir static Path data;
  static FaultRig rig;
  static byte[] png;

  @BeforeAll
  static void start() throws Exception {
    rig = FaultRig.start(data, Map.of("GENERATION_ASYNC_DEADLINE", DEADLINE.toSeconds() + "s"));
    png = testImage();
    rig.fake.serveImage(png);
  }

  @AfterAll
  static void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  /** A small PNG with a pattern, so its bytes are its own. */
  static byte[] testImage() throws Exception {
    BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        image.setRGB(x, y, new Color((x * 4) % 256, (y * 5) % 256, (x * y) % 256).getRGB());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static String fluxRequest(String prompt, int count) {
    return "{\"kind\":\"image\",\"model\":\"Qubico/flux1-schnell\",\"prompt\":\"" + prompt + "\",\"count\":" + count
        + ",\"options\":{\"size\":\"96x64\"}}";
  }

  /** Waits until the job's only item waits on GoAPI, and answers the task the fake made for it. */
  static Task awaitWaitingTask(Owner owner, String jobId, String marker) throws Exception {
    rig.awaitJob(owner, jobId, Duration.ofSeconds(30),
        job -> FaultRig.items(job).get(0).get("status").getAsString().equals("waiting"));
    List<Task> tasks = rig.fake.tasks(marker);
    assertEquals(1, tasks.size(), () -> rig.fake.describe(marker));
    return tasks.get(0);
  }

  @Test
  void aWebhookWithTheRightSecretCompletesTheImageWithTheProvidersBytes() throws Exception {
    Owner owner = rig.newOwner("webhook");
    String marker = FaultRig.marker("webhook");
    rig.fake.planTasks(marker, "processing");
    String jobId = rig.startJob(owner, fluxRequest("A red bicycle against a white wall " + marker, 1));
    Task task = awaitWaitingTask(owner, jobId, marker);
    assertTrue(task.webhookEndpoint().startsWith(rig.server.base().resolve("/api/webhooks/goapi?item=").toString()),
        task::webhookEndpoint);

    assertTrue(rig.fake.calls(TASKS, marker).stream().noneMatch(c -> c.answer().equals("completed")),
        () -> "no poll saw the task completed before the webhook came:\n" + rig.fake.describe(marker));
    WebhookAnswer answer = rig.fake.deliverWebhook(task);

    assertEquals(200, answer.status(), answer::body);
    // "ended" says this webhook ended the item. A polling task that runs after it may still see the
    // task completed at GoAPI and find the item already ended, which is fine, so polls after it are not checked.
    assertTrue(JsonParser.parseString(answer.body()).getAsJsonObject().get("ended").getAsBoolean(), answer::body);
    JsonObject job = rig.awaitEnd(owner, jobId, Duration.ofSeconds(30));
    assertEquals("completed", job.get("status").getAsString(), job::toString);
    JsonObject content = rig.content(owner, FaultRig.items(job).get(0).get("contentId").getAsString());
    assertSamePicture(png, rig.media(owner, content));
    assertEquals(1, rig.usage(owner).get("images").getAsLong());
  }

  @Test
  void aWebhookWithAWrongSecretIsRefusedAndChangesNothing() throws Exception {
    Owner owner = rig.newOwner("forged");
    String marker = FaultRig.marker("forged");
    rig.fake.planTasks(marker, "processing");
    String jobId = rig.startJob(owner, fluxRequest("A blue kite over dunes " + marker, 1));
    Task task = awaitWaitingTask(owner, jobId, marker);
    int mediaFetchesBefore = rig.fake.calls(FakeProviders.MEDIA).size();

    Answer forged = rig.api.send("POST", "/api/webhooks/goapi", null, rig.fake.completedWebhookBody(task),
        Map.of("x-webhook-secret", "not-" + FaultRig.WEBHOOK_SECRET)).expect(401);
    Answer missing = rig.api.send("POST", "/api/webhooks/goapi", null, rig.fake.completedWebhookBody(task), Map.of())
        .expect(401);

    assertEquals(forged.object().get("type"), missing.object().get("type"));
    JsonObject job = rig.job(owner, jobId);
    assertEquals("waiting", FaultRig.items(job).get(0).get("status").getAsString(), job::toString);
    assertEquals("running", job.get("status").getAsString(), job::toString);
    assertEquals(mediaFetchesBefore, rig.fake.calls(FakeProviders.MEDIA).size(), "nothing was fetched for it");
    assertEquals(0, rig.usage(owner).get("images").getAsLong());
  }

  @Test
  void whenTheWebhookNeverComesPollingCompletesTheItem() throws Exception {
    Owner owner = rig.newOwner("polled");
    String marker = FaultRig.marker("polled");
    rig.fake.planTasks(marker, "pending", "processing", "completed");

    String jobId = rig.startJob(owner, fluxRequest("A lighthouse at dawn " + marker, 1));
    JsonObject job = rig.awaitEnd(owner, jobId, Duration.ofSeconds(30));

    assertEquals("completed", job.get("status").getAsString(), () -> job + "\n" + rig.fake.describe(marker));
    List<String> polls = rig.fake.calls(TASKS, marker).stream().filter(c -> c.method().equals("GET"))
        .map(Call::answer).toList();
    assertEquals(List.of("pending", "processing", "completed"), polls, "polled until done, then no more");
    JsonObject content = rig.content(owner, FaultRig.items(job).get(0).get("contentId").getAsString());
    assertSamePicture(png, rig.media(owner, content));
  }

  @Test
  void aTaskThatNeverCompletesFailsItsItemAsTimedOutAfterTheDeadline() throws Exception {
    Owner owner = rig.newOwner("stuck");
    String marker = FaultRig.marker("stuck");
    rig.fake.planTasks(marker, "processing");

    String jobId = rig.startJob(owner, fluxRequest("A clock with no hands " + marker, 1));
    JsonObject job = rig.awaitEnd(owner, jobId, DEADLINE.plusSeconds(30));

    assertEquals("failed", job.get("status").getAsString(), job::toString);
    String reason = FaultRig.items(job).get(0).get("failureReason").getAsString();
    assertTrue(reason.contains("timed out"), reason);
    assertTrue(reason.contains("within " + DEADLINE.toSeconds() + " seconds"), () -> "names the deadline: " + reason);
    Duration lasted = Duration.between(Instant.parse(job.get("createdAt").getAsString()),
        Instant.parse(job.get("updatedAt").getAsString()));
    assertTrue(lasted.compareTo(DEADLINE) >= 0, () -> "failed after " + lasted + ", before the deadline");
    assertTrue(rig.fake.calls(TASKS, marker).stream().filter(c -> c.method().equals("GET")).count() > 1,
        "the task was polled while it ran");
    assertEquals(0, rig.usage(owner).get("images").getAsLong());
  }

  @Test
  void aRepeatedIdempotencyKeyMakesOneJobAndOneTaskPerItem() throws Exception {
    Owner owner = rig.newOwner("repeat");
    String marker = FaultRig.marker("repeat");
    String body = fluxRequest("A paper boat on a puddle " + marker, 3);
    String key = UUID.randomUUID().toString();
    ExecutorService senders = Executors.newFixedThreadPool(4);
    List<Answer> answers = new ArrayList<>();
    try {
      List<Callable<Answer>> sends = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        sends.add(() -> rig.generate(owner, body, key));
      }
      for (Future<Answer> f : senders.invokeAll(sends)) {
        answers.add(f.get().expect(202));
      }
    } finally {
      senders.shutdownNow();
    }
    String jobId = answers.get(0).object().get("id").getAsString();

    JsonObject job = rig.awaitEnd(owner, jobId, Duration.ofSeconds(30));
    answers.add(rig.generate(owner, body, key).expect(202));

    for (Answer a : answers) {
      assertEquals(jobId, a.object().get("id").getAsString(), "every answer is the first job");
    }
    assertEquals(1, answers.stream().filter(a -> "false".equals(a.header("Idempotent-Replayed"))).count(),
        "exactly one request made the job");
    assertEquals("completed", job.get("status").getAsString(), job::toString);
    assertEquals(3, job.get("completed").getAsInt());
    Thread.sleep(1000);
    long creates = rig.fake.calls(TASKS, marker).stream().filter(c -> c.method().equals("POST")).count();
    assertEquals(3, creates, () -> "one GoAPI task per item:\n" + rig.fake.describe(marker));
    assertEquals(3, rig.usage(owner).get("images").getAsLong());
  }

  /**
   * The stored picture is the provider's, as the product stores images: re-encoded for the web
   * without metadata, so the same size and, within lossy-encoding error, the same colours.
   */
  private static void assertSamePicture(byte[] original, byte[] stored) throws Exception {
    BufferedImage a = ImageIO.read(new java.io.ByteArrayInputStream(original));
    BufferedImage b = ImageIO.read(new java.io.ByteArrayInputStream(stored));
    assertEquals(a.getWidth(), b.getWidth(), "width");
    assertEquals(a.getHeight(), b.getHeight(), "height");
    double[] x = meanColour(a);
    double[] y = meanColour(b);
    for (int c = 0; c < 3; c++) {
      assertTrue(Math.abs(x[c] - y[c]) < 12, "mean colour " + java.util.Arrays.toString(x) + " vs "
          + java.util.Arrays.toString(y));
    }
  }

  private static double[] meanColour(BufferedImage img) {
    double[] sum = new double[3];
    for (int yy = 0; yy < img.getHeight(); yy++) {
      for (int xx = 0; xx < img.getWidth(); xx++) {
        Color c = new Color(img.getRGB(xx, yy));
        sum[0] += c.getRed();
        sum[1] += c.getGreen();
        sum[2] += c.getBlue();
      }
    }
    double n = (double) img.getWidth() * img.getHeight();
    return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
  }
}
