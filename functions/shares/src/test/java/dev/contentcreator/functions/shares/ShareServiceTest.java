package dev.contentcreator.functions.shares;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.ReviewStatus;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.review.ReviewService;
import dev.contentcreator.core.shares.SharePermission;
import dev.contentcreator.core.shares.ShareService;
import dev.contentcreator.core.shares.ShareSettings;
import dev.contentcreator.core.shares.SharedPage;
import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.core.users.UserService;
import dev.contentcreator.embedded.ratelimit.InMemoryRateLimiter;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Share links on a real SQLite store, with a clock the test moves: expiry, sessions, revoking, password tries. */
class ShareServiceTest {
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-01T09:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  @TempDir Path dir;
  private final MovableClock clock = new MovableClock();
  private SqliteDocumentStore store;
  private ShareService shares;
  private String project;
  private String item;
  private final Caller alice = new Caller("alice", "alice@example.com", "Alice", null, true);

  @BeforeEach
  void open() {
    store = SqliteDocumentStore.open(dir.resolve("t.db"));
    UserService users = new UserService(store, clock);
    ProjectService projects = new ProjectService(store, users, clock);
    users.ensure(alice);
    project = projects.create(alice, "Launch", "").id();
    Instant now = clock.instant();
    item = store.transaction(tx -> ContentService.addGenerated(tx, null, project, null, ContentKind.TEXT, "Tagline",
        new ContentVersion(null, project, 1, "Fresh bread daily", null, "text/plain", null, null, null, "generated",
            null, "demo", "demo", "alice", now, null), false, "alice", now));
    RateLimiter limiter = InMemoryRateLimiter.create();
    shares = new ShareService(store, projects, new ContentService(store, projects, () -> null, clock),
        new ReviewService(store, projects, clock), () -> limiter,
        new ShareSettings(Optional.empty(), Optional.empty(), Optional.of(new RateLimiter.Limit(3, Duration.ofMinutes(15)))),
        clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static int status(Runnable r) {
    return assertThrows(ApiException.class, r::run).status();
  }

  private String link(String password, Instant expiresAt) {
    return shares.create("alice", project, new ShareService.Request(List.of(item), SharePermission.APPROVE, expiresAt,
        password, "Client")).token();
  }

  @Test
  void viewsWithinASecondAreWrittenTogetherAndAllCount() {
    String token = link(null, clock.instant().plus(Duration.ofHours(1)));
    for (int i = 0; i < 50; i++) {
      shares.open(token, null, "/m");
    }
    String id = shares.list("alice", project, 10, null).items().get(0).id();
    assertEquals(50, shares.get("alice", project, id).views(), "a member sees every view counted");
    for (int i = 0; i < 30; i++) {
      shares.open(token, null, "/m");
    }
    long stored = store.get(ShareService.SHARES, id).map(ShareService::share).orElseThrow().views();
    assertEquals(50, stored, "the views of this second wait for the next write");
    clock.advance(Duration.ofSeconds(1));
    shares.open(token, null, "/m");
    assertEquals(81, store.get(ShareService.SHARES, id).map(ShareService::share).orElseThrow().views(),
        "a second later, the next view writes them all");
  }

  @Test
  void aLinkOpensUntilItsExpiryAndNotAMomentAfter() {
    String token = link(null, clock.instant().plus(Duration.ofHours(1)));
    assertEquals("Fresh bread daily", shares.open(token, null, "/m").items().get(0).text());
    clock.advance(Duration.ofMinutes(59));
    shares.open(token, null, "/m");
    clock.advance(Duration.ofMinutes(1));
    ApiException gone = assertThrows(ApiException.class, () -> shares.open(token, null, "/m"));
    assertEquals(ShareService.NOT_FOUND, gone, "the very answer of a link that never was");
    assertEquals(2, shares.list("alice", project, 10, null).items().get(0).views());
  }

  @Test
  void theExpiryIsBoundedAndDefaulted() {
    Instant now = clock.instant();
    assertEquals(422, status(() -> link(null, now.plus(Duration.ofDays(91)))));
    assertEquals(422, status(() -> link(null, now.plus(Duration.ofMinutes(4)))));
    link(null, now.plus(Duration.ofDays(90)));
    link(null, null);
    assertEquals(List.of(now.plus(Duration.ofDays(90)), now.plus(ShareService.DEFAULT_TTL)),
        shares.list("alice", project, 10, null).items().stream().map(v -> v.expiresAt()).sorted(java.util.Comparator.reverseOrder()).toList());
  }

  @Test
  void aSessionLastsTwoHoursAndEndsWithTheLink() {
    String token = link("tulips", null);
    assertEquals(401, status(() -> shares.open(token, null, "/m")));
    SharedPage.Session s = shares.unlock(token, "tulips");
    assertNotNull(shares.open(token, s.session(), "/m"));
    assertEquals(401, status(() -> shares.open(token, s.session().replace('.', ':'), "/m")));
    assertEquals(401, status(() -> shares.open(token, "99999999999." + s.session().substring(s.session().indexOf('.') + 1), "/m")),
        "a later expiry with the old signature is refused");
    clock.advance(Duration.ofHours(2));
    assertEquals(401, status(() -> shares.open(token, s.session(), "/m")));
    SharedPage.Session again = shares.unlock(token, "tulips");
    String id = shares.list("alice", project, 10, null).items().get(0).id();
    shares.revoke("alice", project, id);
    assertEquals(404, status(() -> shares.open(token, again.session(), "/m")));
    assertEquals(404, status(() -> shares.unlock(token, "tulips")));
  }

  @Test
  void wrongPasswordsAreLimitedPerLink() {
    String token = link("tulips", null);
    for (int i = 0; i < 3; i++) {
      assertEquals(401, status(() -> shares.unlock(token, "guess")));
    }
    assertEquals(429, status(() -> shares.unlock(token, "tulips")), "even the right one, until the bucket refills");
  }

  @Test
  void aGuestApprovesOnlyWhatIsInReview() {
    String token = link(null, null);
    assertEquals(409, status(() -> shares.review(token, null, item, ReviewStatus.APPROVED, null, "Ana")));
    store.transaction(tx -> {
      var c = tx.get(ContentService.CONTENTS, item).map(ContentService::content).orElseThrow();
      tx.set(ContentService.CONTENTS, item, dev.contentcreator.core.json.Json.toTree(
          c.withReviewStatus(ReviewStatus.IN_REVIEW, clock.instant())).getAsJsonObject());
      return null;
    });
    assertEquals(ReviewStatus.APPROVED, shares.review(token, null, item, ReviewStatus.APPROVED, "ok", "Ana").reviewStatus());
    assertEquals(404, status(() -> shares.review(token, null, "someOtherItem00000000", ReviewStatus.APPROVED, null, "Ana")));
  }
}
