package dev.contentcreator.core.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.hooks.WebhookSignatures;
import dev.contentcreator.core.net.SafeFetcher;
import dev.contentcreator.core.ports.Publisher;
import dev.contentcreator.core.ports.Publisher.PublishException;
import dev.contentcreator.testkit.publishing.FakePublishTargets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook connector: a signed JSON message, the same id on every try. */
class WebhookPublisherTest {
  FakePublishTargets r;
  WebhookPublisher publisher;
  String secret = WebhookSignatures.newSecret();
  Publisher.Target target;

  @BeforeEach
  void start() throws Exception {
    r = FakePublishTargets.start();
    SafeFetcher f = WordPressPublisherTest.fetcher(Duration.ofSeconds(2));
    publisher = new WebhookPublisher(() -> f, Clock.systemUTC());
    target = new Publisher.Target(r.base() + "/hook", null, secret);
  }

  @AfterEach
  void stop() {
    r.close();
  }

  @Test
  void theContentIsSentSignedAndEveryTryCarriesTheSameMessageId() throws Exception {
    r.failNext("POST", "/hook", 500);
    PublishException e = assertThrows(PublishException.class, () -> publisher.publish(target,
        WordPressPublisherTest.post("pubA", true, null, List.of("x"))));
    assertTrue(e.retryable());
    Publisher.Result res = publisher.publish(target, WordPressPublisherTest.post("pubA", true, null, List.of("x")));
    assertEquals("recv-1", res.remoteId());
    assertTrue(res.remoteUrl().endsWith("/received/1"));
    JsonObject m = r.hookMessages().get(0);
    assertEquals("msg_pub_pubA", m.get("id").getAsString());
    String expected = WebhookSignatures.sign(secret, m.get("id").getAsString(), m.get("timestamp").getAsLong(),
        m.get("body").getAsString().getBytes(StandardCharsets.UTF_8));
    assertTrue(m.get("signature").getAsString().contains(expected));
    JsonObject body = JsonParser.parseString(m.get("body").getAsString()).getAsJsonObject();
    assertEquals("content.publish", body.get("type").getAsString());
    assertEquals("pubA", body.getAsJsonObject("data").get("publicationId").getAsString());
    assertTrue(body.getAsJsonObject("data").get("html").getAsString().contains("<h1>"));
  }

  @Test
  void aReceiverThatRefusesTheMessageFailsItForGood() {
    r.failNext("POST", "/hook", 401);
    PublishException e = assertThrows(PublishException.class, () -> publisher.publish(target,
        WordPressPublisherTest.post("pubB", false, null, List.of())));
    assertFalse(e.retryable());
  }
}
