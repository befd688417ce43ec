package dev.contentcreator.core.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.net.HostAllowlist;
import dev.contentcreator.core.net.SafeFetcher;
import dev.contentcreator.core.ports.Publisher;
import dev.contentcreator.core.ports.Publisher.PublishException;
import dev.contentcreator.testkit.publishing.FakePublishTargets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WordPress connector against a local server speaking WordPress's REST wire format. */
class WordPressPublisherTest {
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
  FakePublishTargets wp;
  WordPressPublisher publisher;
  Publisher.Target target;

  static SafeFetcher fetcher(Duration timeout) {
    return SafeFetcher.builder().withAllowlist(HostAllowlist.anyHost()).withPlainHttpToLoopback(true)
        .withConnectTimeout(timeout).withTotalTimeout(timeout).withMaxRedirects(0).build();
  }

  @BeforeEach
  void start() throws Exception {
    wp = FakePublishTargets.start();
    SafeFetcher f = fetcher(Duration.ofSeconds(2));
    publisher = new WordPressPublisher(() -> f);
    target = new Publisher.Target(wp.base() + "/", FakePublishTargets.WP_USER, FakePublishTargets.WP_PASSWORD);
  }

  @AfterEach
  void stop() {
    wp.close();
  }

  static Publisher.Post post(String key, boolean draft, Publisher.Image image, List<String> tags) {
    String md = "# Spring launch\n\nOur **new** range is here. <script>alert(1)</script>";
    return new Publisher.Post(key, "Spring launch: what's new", md, Markdown.html(md), Markdown.text(md), tags, image,
        draft);
  }

  @Test
  void aPostIsMadeWithItsHtmlItsTagsFoundOrMadeAndTheImageUploadedFirstAsFeaturedMedia() throws Exception {
    JsonObject news = wp.addTag("News");
    Publisher.Result r = publisher.publish(target, post("pubA", false,
        new Publisher.Image(PNG, "image/png", "cover.png"), List.of("news", "Launch")));

    assertEquals(1, wp.posts().size());
    JsonObject made = wp.posts().get(0);
    assertEquals("publish", made.get("status").getAsString());
    assertEquals(Long.toString(made.get("id").getAsLong()), r.remoteId());
    assertEquals(made.get("link").getAsString(), r.remoteUrl());
    assertEquals("Spring launch: what's new", made.getAsJsonObject("title").get("raw").getAsString());
    String html = made.getAsJsonObject("content").get("raw").getAsString();
    assertTrue(html.contains("<h1>Spring launch</h1>") && html.contains("<strong>new</strong>"), html);
    assertFalse(html.contains("<script>"), "raw HTML in the Markdown is escaped: " + html);
    assertEquals(1, wp.media().size());
    assertEquals(wp.media().get(0).get("id").getAsInt(), made.get("featured_media").getAsInt());
    assertEquals(PNG.length, wp.media().get(0).get("bytes").getAsInt());
    List<Integer> tagIds = made.getAsJsonArray("tags").asList().stream().map(e -> e.getAsInt()).toList();
    assertEquals(2, tagIds.size());
    assertTrue(tagIds.contains(news.get("id").getAsInt()), "the existing tag is reused, whatever its case");
    assertEquals(2, wp.tags().size(), "one tag was made: Launch");
    assertTrue(made.get("slug").getAsString().startsWith("spring-launch-what-s-new-"), made.toString());
  }

  @Test
  void aDraftIsLeftADraft() throws Exception {
    Publisher.Result r = publisher.publish(target, post("pubB", true, null, List.of()));
    assertEquals("draft", wp.posts().get(0).get("status").getAsString());
    assertEquals(0, wp.posts().get(0).get("featured_media").getAsInt());
    assertNotNull(r.remoteUrl());
  }

  @Test
  void aRefusedApplicationPasswordFailsForGoodWithAReasonThatSaysSo() {
    Publisher.Target wrong = new Publisher.Target(wp.base(), FakePublishTargets.WP_USER, "not the password");
    PublishException e = assertThrows(PublishException.class, () -> publisher.publish(wrong, post("pubC", false, null,
        List.of())));
    assertFalse(e.retryable());
    assertEquals(401, e.status());
    assertTrue(e.getMessage().startsWith("WordPress refused the user name or application password (401)"), e.getMessage());
    assertFalse(e.getMessage().contains("not the password"), "the secret never shows in a reason");
    assertEquals(0, wp.posts().size());
  }

  @Test
  void aServerErrorMayBeTriedAgainAndTheNextTryPostsOnce() throws Exception {
    wp.failNext("POST", "/wp-json/wp/v2/posts", 500);
    PublishException e = assertThrows(PublishException.class, () -> publisher.publish(target, post("pubD", false, null,
        List.of())));
    assertTrue(e.retryable());
    assertTrue(e.getMessage().contains("(500)"), e.getMessage());
    publisher.publish(target, post("pubD", false, null, List.of()));
    assertEquals(1, wp.posts().size());
  }

  @Test
  void aTryAfterAnAnswerThatCameTooLateFindsThePostItMadeInsteadOfPostingAgain() throws Exception {
    wp.slowAfterWork("POST", "/wp-json/wp/v2/posts", Duration.ofMillis(3500));
    PublishException e = assertThrows(PublishException.class, () -> publisher.publish(target, post("pubE", false, null,
        List.of())));
    assertTrue(e.retryable(), "a timeout may be tried again");
    assertTrue(e.getMessage().contains("did not answer in time"), e.getMessage());
    assertEquals(1, wp.posts().size(), "the site made the post although the answer came too late");

    Publisher.Result again = publisher.publish(target, post("pubE", false, null, List.of()));
    assertEquals(1, wp.posts().size(), "the second try found the post by its slug");
    assertEquals(wp.posts().get(0).get("id").getAsString(), again.remoteId());
    assertEquals(1, wp.hits("POST", "/wp-json/wp/v2/posts"));
  }

  @Test
  void aSiteThatCannotLookUpPostsBySlugOrHasNoTagsStillGetsThePostOnce() throws Exception {
    wp.failNext("GET", "/wp-json/wp/v2/posts", 400);
    wp.failNext("GET", "/wp-json/wp/v2/tags", 404);
    publisher.publish(target, post("pubI", false, null, List.of("gone")));
    assertEquals(1, wp.posts().size());
    assertEquals(0, wp.posts().get(0).getAsJsonArray("tags").size(), "a site without tags takes the post without them");
  }

  @Test
  void aLookupThatIsRefusedOrFailsIsNotTakenForNoPost() {
    wp.failNext("GET", "/wp-json/wp/v2/posts", 503);
    PublishException e = assertThrows(PublishException.class, () -> publisher.publish(target, post("pubJ", false, null,
        List.of())));
    assertTrue(e.retryable());
    assertEquals(0, wp.posts().size(), "nothing is posted when it is unknown whether a post exists");
  }

  @Test
  void anotherPostListedByASiteThatIgnoresTheSlugIsNotTakenForThisOne() throws Exception {
    publisher.publish(target, post("pubK", false, null, List.of()));
    wp.ignoresSlugFilter = true;
    Publisher.Result second = publisher.publish(target, post("pubL", false, null, List.of()));
    assertEquals(2, wp.posts().size());
    assertEquals(wp.posts().get(1).get("id").getAsString(), second.remoteId());
  }

  @Test
  void twoPublicationsOfTheSameTitleMakeTwoPosts() throws Exception {
    publisher.publish(target, post("pubF", false, null, List.of()));
    publisher.publish(target, post("pubG", false, null, List.of()));
    assertEquals(2, wp.posts().size());
    assertEquals(2, wp.slugs().stream().distinct().count());
  }

  @Test
  void checkAsksTheSiteWhoIsSignedInAndSaysWhenThePasswordIsRefused() throws Exception {
    publisher.check(target);
    PublishException e = assertThrows(PublishException.class, () -> publisher.check(
        new Publisher.Target(wp.base(), "someone", "wrong-password")));
    assertEquals(401, e.status());
    assertEquals(0, wp.posts().size());
  }

  @Test
  void aPrivateSiteAddressIsRefusedWithoutRetry() {
    SafeFetcher strict = SafeFetcher.builder().withAllowlist(HostAllowlist.anyHost()).build();
    WordPressPublisher p = new WordPressPublisher(() -> strict);
    PublishException e = assertThrows(PublishException.class, () -> p.publish(
        new Publisher.Target("https://10.0.0.7", "u", "password1"), post("pubH", false, null, List.of())));
    assertFalse(e.retryable());
    assertTrue(e.getMessage().startsWith("The address of this connection is not allowed"), e.getMessage());
  }

  @Test
  void theSlugIsStablePerPublicationAndReadable() {
    assertEquals(WordPressPublisher.slug("Hello, Wörld!", "k1"), WordPressPublisher.slug("Hello, Wörld!", "k1"));
    assertTrue(WordPressPublisher.slug("Hello, Wörld!", "k1").startsWith("hello-world-"));
    assertTrue(WordPressPublisher.slug("", "k1").startsWith("post-"));
    assertFalse(WordPressPublisher.slug("x", "k1").equals(WordPressPublisher.slug("x", "k2")));
  }
}
