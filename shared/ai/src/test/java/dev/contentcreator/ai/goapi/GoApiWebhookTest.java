package dev.contentcreator.ai.goapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.ai.AsyncProvider.TaskStatus;
import dev.contentcreator.core.ports.ai.AsyncProvider.TaskStatus.State;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GoApiWebhookTest {
  private static final String SECRET = "whsec-test-4f1d";
  private final GoApiWebhook webhook = new GoApiWebhook(SECRET);

  private TaskStatus validStatus(String body) {
    return assertInstanceOf(GoApiWebhook.Valid.class, webhook.receive(SECRET, body)).status();
  }

  private String malformedReason(String body) {
    return assertInstanceOf(GoApiWebhook.Malformed.class, webhook.receive(SECRET, body)).reason();
  }

  @Test
  void theHeaderNameIsGoApis() {
    assertEquals("x-webhook-secret", GoApiWebhook.SECRET_HEADER);
  }

  @Test
  void aCompletedTaskWithTheRightSecretIsValid() {
    TaskStatus status = validStatus(Fixtures.text("webhook-midjourney-completed.json"));
    assertEquals(State.COMPLETED, status.state());
    assertEquals("5d3e1c0a-8f4b-4e2a-9b17-6c2f0e9a7b31", status.providerTaskId());
    assertEquals(4, status.result().media().size());
  }

  @Test
  void theTimestampGoApiSentIsKept() {
    GoApiWebhook.Valid valid = assertInstanceOf(GoApiWebhook.Valid.class,
        webhook.receive(SECRET, Fixtures.text("webhook-midjourney-completed.json")));
    assertEquals(Instant.ofEpochSecond(1772442902L), valid.sentAt());
  }

  @Test
  void aProgressUpdateIsProcessing() {
    TaskStatus status = validStatus(Fixtures.text("webhook-kling-processing.json"));
    assertEquals(State.PROCESSING, status.state());
    assertNull(status.result());
  }

  @Test
  void aFailedTaskCarriesItsReadableReason() {
    TaskStatus status = validStatus(Fixtures.text("webhook-midjourney-failed.json"));
    assertEquals(State.FAILED, status.state());
    assertTrue(status.error().startsWith("The prompt was refused by the provider's content filter"), status.error());
  }

  @Test
  void aBareTaskObjectIsReadToo() {
    String body = "{\"task_id\":\"t-9\",\"model\":\"kling\",\"task_type\":\"video_generation\",\"status\":\"pending\"}";
    assertEquals(State.PENDING, validStatus(body).state());
  }

  @Test
  void aWrongSecretIsBadSecret() {
    assertInstanceOf(GoApiWebhook.BadSecret.class,
        webhook.receive("whsec-test-4f1e", Fixtures.text("webhook-midjourney-completed.json")));
  }

  @Test
  void aMissingSecretIsBadSecret() {
    assertInstanceOf(GoApiWebhook.BadSecret.class,
        webhook.receive(null, Fixtures.text("webhook-midjourney-completed.json")));
  }

  @Test
  void aPrefixOfTheSecretIsBadSecret() {
    assertInstanceOf(GoApiWebhook.BadSecret.class,
        webhook.receive(SECRET.substring(0, 6), Fixtures.text("webhook-midjourney-completed.json")));
  }

  @Test
  void theSecretIsCheckedBeforeTheBodyIsRead() {
    assertInstanceOf(GoApiWebhook.BadSecret.class, webhook.receive("nope", "{not json"));
  }

  @Test
  void aTruncatedBodyIsMalformed() {
    String full = Fixtures.text("webhook-midjourney-completed.json");
    assertTrue(malformedReason(full.substring(0, full.length() - 40)).contains("not complete JSON"));
  }

  @Test
  void anEmptyBodyIsMalformed() {
    assertEquals("the body is empty", malformedReason(""));
  }

  @Test
  void aBodyThatIsNotAnObjectIsMalformed() {
    assertEquals("the body is not a JSON object", malformedReason("[1,2]"));
  }

  @Test
  void aBodyWithoutATaskIsMalformed() {
    assertEquals("the body holds no task", malformedReason("{\"timestamp\":1772442902}"));
  }

  @Test
  void aTaskWithoutAStatusIsMalformed() {
    assertEquals("the task has no status", malformedReason("{\"timestamp\":1,\"data\":{\"task_id\":\"t-1\"}}"));
  }

  @Test
  void aCompletedTaskWithoutMediaIsMalformed() {
    String body = "{\"data\":{\"task_id\":\"t-1\",\"model\":\"midjourney\",\"status\":\"completed\",\"output\":{}}}";
    assertTrue(malformedReason(body).contains("no media"));
  }

  @Test
  void anOversizedBodyIsMalformed() {
    byte[] big = new byte[GoApiWebhook.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    assertInstanceOf(GoApiWebhook.Malformed.class, webhook.receive(SECRET, big));
  }

  @Test
  void aBlankSecretCannotBeConfigured() {
    assertThrows(IllegalArgumentException.class, () -> new GoApiWebhook(" "));
  }
}
