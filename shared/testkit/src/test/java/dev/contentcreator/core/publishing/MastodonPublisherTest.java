package dev.contentcreator.core.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.net.SafeFetcher;
import dev.contentcreator.core.ports.Publisher;
import dev.contentcreator.core.ports.Publisher.PublishException;
import dev.contentcreator.testkit.publishing.FakePublishTargets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Mastodon connector against a local server speaking Mastodon's REST wire format. */
class MastodonPublisherTest {
  FakePublishTargets m;
  MastodonPublisher publisher;
  Publisher.Target target;

  @BeforeEach
  void start() throws Exception {
    m = FakePublishTargets.start();
    SafeFetcher f = WordPressPublisherTest.fetcher(Duration.ofSeconds(2));
    publisher = new MastodonPublisher(() -> f);
    target = new Publisher.Target(m.base(), null, FakePublishTargets.MASTODON_TOKEN);
  }

  @AfterEach
  void stop() {
    m.close();
  }

  @Test
  void aStatusIsPostedWithItsImageUploadedFirstAndHashtags() throws Exception {
    Publisher.Result r = publisher.publish(target, WordPressPublisherTest.post("pubA", false,
        new Publisher.Image(WordPressPublisherTest.PNG, "image/png", "a.png"), List.of("spring sale", "news")));
    assertEquals(1, m.statuses().size());
    assertEquals(1, m.mastodonMedia().size());
    var s = m.statuses().get(0);
    assertEquals(s.get("id").getAsString(), r.remoteId());
    assertEquals(s.get("url").getAsString(), r.remoteUrl());
    assertEquals(m.mastodonMedia().get(0).get("id").getAsString(), s.getAsJsonArray("media_ids").get(0).getAsString());
    String text = s.get("text").getAsString();
    assertTrue(text.startsWith("Spring launch: what's new\n\n"), text);
    assertTrue(text.endsWith("#springsale #news"), text);
    assertFalse(text.contains("**"), "the body goes as plain text: " + text);
  }

  @Test
  void aTryAfterAnAnswerThatCameTooLateIsAnsweredWithTheFirstStatusByItsIdempotencyKey() throws Exception {
    m.slowAfterWork("POST", "/api/v1/statuses", Duration.ofMillis(3500));
    PublishException e = assertThrows(PublishException.class, () -> publisher.publish(target,
        WordPressPublisherTest.post("pubB", false, null, List.of())));
    assertTrue(e.retryable());
    Publisher.Result again = publisher.publish(target, WordPressPublisherTest.post("pubB", false, null, List.of()));
    assertEquals(1, m.statuses().size(), "one status for two tries");
    assertEquals(m.statuses().get(0).get("id").getAsString(), again.remoteId());
  }

  @Test
  void aRefusedTokenFailsForGoodAndAServerErrorMayPass() {
    PublishException refused = assertThrows(PublishException.class, () -> publisher.publish(
        new Publisher.Target(m.base(), null, "revoked-token-123"), WordPressPublisherTest.post("pubC", false, null,
            List.of())));
    assertFalse(refused.retryable());
    assertTrue(refused.getMessage().startsWith("Mastodon refused the access token (401)"), refused.getMessage());
    m.failNext("POST", "/api/v1/statuses", 503);
    PublishException busy = assertThrows(PublishException.class, () -> publisher.publish(target,
        WordPressPublisherTest.post("pubD", false, null, List.of())));
    assertTrue(busy.retryable());
    assertEquals(0, m.statuses().size());
  }

  @Test
  void aLongTextIsCutToFiveHundredCharactersKeepingTheHashtags() throws Exception {
    String md = "word ".repeat(300);
    publisher.publish(target, new Publisher.Post("pubE", "Title", md, Markdown.html(md), Markdown.text(md),
        List.of("tag"), null, false));
    String text = m.statuses().get(0).get("text").getAsString();
    assertTrue(text.codePointCount(0, text.length()) <= 500, "length " + text.length());
    assertTrue(text.endsWith("…\n\n#tag"), text);
  }

  @Test
  void mastodonHasNoDrafts() {
    PublishException e = assertThrows(PublishException.class, () -> publisher.publish(target,
        WordPressPublisherTest.post("pubF", true, null, List.of())));
    assertFalse(e.retryable());
    assertEquals(0, m.statuses().size());
  }

  @Test
  void checkVerifiesTheToken() throws Exception {
    publisher.check(target);
    assertThrows(PublishException.class, () -> publisher.check(new Publisher.Target(m.base(), null, "bad-token-1")));
  }
}
