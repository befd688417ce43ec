package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.local.FakeProviders.Task;
import dev.contentcreator.local.FaultRig.Owner;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GoAPI callbacks replayed or redirected by someone who captured one (secret included): a call to
 * an address older than {@code WEBHOOK_MAX_AGE}, a body whose timestamp is stale, an address whose
 * signature was altered, and one item's address used for another item's task are all refused
 * (401) and change nothing; the polling task remains the way such an item ends.
 */
class WebhookReplayBlackBoxTest {
  private static final Duration MAX_AGE = Duration.ofSeconds(4);

  @TempDir static Path data;
  static FaultRig rig;

  @BeforeAll
  static void start() throws Exception {
    rig = FaultRig.start(data, Map.of("WEBHOOK_MAX_AGE", MAX_AGE.toSeconds() + "s"));
    rig.fake.serveImage(GoApiFaultsBlackBoxTest.testImage());
    GoApiFaultsBlackBoxTest.rig = rig;
  }

  @AfterAll
  static void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  private record Waiting(Owner owner, String jobId, Task task) {}

  private static Waiting waitingImage(String name) throws Exception {
    Owner owner = rig.newOwner(name);
    String marker = FaultRig.marker(name);
    rig.fake.planTasks(marker, "processing");
    String jobId = rig.startJob(owner, GoApiFaultsBlackBoxTest.fluxRequest("A lighthouse at dusk " + marker, 1));
    return new Waiting(owner, jobId, GoApiFaultsBlackBoxTest.awaitWaitingTask(owner, jobId, marker));
  }

  private static int post(String endpoint, String body) throws Exception {
    return rig.api.send("POST", endpoint, null, body, Map.of("x-webhook-secret", FaultRig.WEBHOOK_SECRET)).status();
  }

  private static void assertStillWaiting(Waiting w) throws Exception {
    JsonObject job = rig.job(w.owner(), w.jobId());
    assertEquals("waiting", FaultRig.items(job).get(0).get("status").getAsString(), job::toString);
  }

  @Test
  void aCallbackToAnExpiredAddressIsRefusedAndChangesNothing() throws Exception {
    Waiting w = waitingImage("expired");
    Thread.sleep(MAX_AGE.plusSeconds(2).toMillis());
    assertEquals(401, post(w.task().webhookEndpoint(), rig.fake.completedWebhookBody(w.task())));
    assertStillWaiting(w);
  }

  @Test
  void aCallbackWithAStaleTimestampIsRefusedAndAFreshOneAccepted() throws Exception {
    Waiting w = waitingImage("stale");
    JsonObject stale = JsonParser.parseString(rig.fake.completedWebhookBody(w.task())).getAsJsonObject();
    stale.addProperty("timestamp", Instant.now().minus(Duration.ofHours(1)).getEpochSecond());
    assertEquals(401, post(w.task().webhookEndpoint(), stale.toString()));
    assertStillWaiting(w);
    assertEquals(200, post(w.task().webhookEndpoint(), rig.fake.completedWebhookBody(w.task())));
    assertEquals("completed", rig.awaitEnd(w.owner(), w.jobId(), Duration.ofSeconds(30)).get("status").getAsString());
  }

  @Test
  void anAddressWithAnAlteredTimeIsRefused() throws Exception {
    Waiting w = waitingImage("altered");
    String endpoint = w.task().webhookEndpoint();
    long later = Instant.now().getEpochSecond() + 1;
    String moved = endpoint.replaceFirst("&ts=\\d+", "&ts=" + later);
    assertEquals(401, post(moved, rig.fake.completedWebhookBody(w.task())));
    String bare = URI.create(endpoint).resolve("/api/webhooks/goapi").toString();
    assertEquals(401, post(bare, rig.fake.completedWebhookBody(w.task())));
    assertStillWaiting(w);
  }

  @Test
  void oneItemsAddressCannotEndAnotherItemsTask() throws Exception {
    Waiting first = waitingImage("first");
    Waiting second = waitingImage("second");
    assertEquals(401, post(first.task().webhookEndpoint(), rig.fake.completedWebhookBody(second.task())));
    assertStillWaiting(second);
    assertStillWaiting(first);
  }
}
