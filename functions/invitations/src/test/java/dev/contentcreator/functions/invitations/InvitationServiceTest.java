package dev.contentcreator.functions.invitations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.invitations.InvitationService;
import dev.contentcreator.core.invitations.InvitationSettings;
import dev.contentcreator.core.invitations.IssuedInvitation;
import dev.contentcreator.core.mail.MailService;
import dev.contentcreator.core.mail.MailSettings;
import dev.contentcreator.core.notifications.NotificationService;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.projects.ProjectView;
import dev.contentcreator.core.users.UserService;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The invitation rules on a real SQLite store, with a clock the test moves. */
class InvitationServiceTest {
  /** A clock that stands still until the test moves it. */
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
  private ProjectService projects;
  private InvitationService invitations;
  private final Caller alice = new Caller("alice", "alice@example.com", "Alice", null, true);
  private final Caller bob = new Caller("bob", "bob@example.com", "Bob", null, true);
  private final Caller unverifiedBob = new Caller("bob", "bob@example.com", "Bob", null, false);
  private String project;
  private final List<TaskQueue.Task> queued = new ArrayList<>();

  @BeforeEach
  void open() {
    store = SqliteDocumentStore.open(dir.resolve("t.db"));
    UserService users = new UserService(store, clock);
    projects = new ProjectService(store, users, clock);
    MailService mail = new MailService(() -> task -> queued.add(task), () -> m -> { },
        MailSettings.of("https://studio.example"), clock);
    invitations = new InvitationService(store, projects, users, InvitationSettings.of(Duration.ofDays(7)),
        () -> mail, () -> new NotificationService(store, users, mail, clock), clock);
    users.ensure(alice);
    ProjectView p = projects.create(alice, "Launch", "");
    project = p.id();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static int status(Runnable r) {
    return assertThrows(ApiException.class, r::run).status();
  }

  @Test
  void invitingAndResendingEachQueueAnEmailWithTheCurrentAcceptLink() {
    IssuedInvitation first = invitations.invite(alice, project, "bob@example.com", Role.EDITOR);
    assertEquals(1, queued.size());
    TaskQueue.Task task = queued.get(0);
    assertEquals(MailService.HANDLER, task.handler());
    assertEquals("bob@example.com", task.payload().get("to").getAsString());
    assertTrue(task.payload().get("text").getAsString().contains("https://studio.example" + first.acceptPath()),
        task.payload().toString());
    assertTrue(task.payload().get("subject").getAsString().contains("Launch"));
    IssuedInvitation again = invitations.resend(alice, project, first.invitation().id());
    assertEquals(2, queued.size());
    assertNotEqualsText(first.acceptPath(), again.acceptPath());
    assertTrue(queued.get(1).payload().get("text").getAsString().contains("https://studio.example" + again.acceptPath()));
    assertFalse(queued.get(1).payload().get("text").getAsString().contains(first.token()), "the old link is not resent");
  }

  @Test
  void anAccountThatVerifiedTheAddressFindsTheInvitationInItsInbox() {
    new UserService(store, clock).ensure(bob);
    String id = invitations.invite(alice, project, "bob@example.com", Role.VIEWER).invitation().id();
    var inbox = store.query(Query.on(NotificationService.COLLECTION).whereEqualTo("uid", "bob").limit(10).build()).items();
    assertEquals(1, inbox.size());
    assertEquals("invitation", inbox.get(0).data().get("kind").getAsString());
    assertEquals("/invitations/" + id, inbox.get(0).data().getAsJsonObject("target").get("link").getAsString());
    assertEquals(1, queued.size(), "the invitation's own e-mail is the only one: its inbox entry sends none");
  }

  @Test
  void anUnverifiedAccountWithTheAddressGetsNoInboxEntry() {
    new UserService(store, clock).ensure(unverifiedBob);
    invitations.invite(alice, project, "bob@example.com", Role.VIEWER);
    assertTrue(store.query(Query.on(NotificationService.COLLECTION).whereEqualTo("uid", "bob").limit(10).build())
        .items().isEmpty());
  }

  private static void assertNotEqualsText(String a, String b) {
    assertFalse(a.equals(b), "expected a new link");
  }

  @Test
  void theAddressIsKeptInLowerCaseAndTheLinkOnlyAsAHash() {
    IssuedInvitation issued = invitations.invite(alice, project, "  Bob@Example.COM ", Role.EDITOR);
    assertEquals("bob@example.com", issued.invitation().email());
    assertTrue(issued.acceptPath().startsWith("/invitations/" + issued.invitation().id() + "#token="));
    JsonObject stored = store.get(InvitationService.COLLECTION, issued.invitation().id()).orElseThrow().data();
    assertFalse(stored.toString().contains(issued.token()), "the secret itself is never stored");
    assertEquals(64, stored.get("tokenHash").getAsString().length());
  }

  @Test
  void onlyAVerifiedHolderOfTheAddressMayAccept() {
    String id = invitations.invite(alice, project, "bob@example.com", Role.VIEWER).invitation().id();
    assertEquals(403, status(() -> invitations.accept(unverifiedBob, id, Optional.empty())));
    assertEquals(403, status(() -> invitations.mine(unverifiedBob, 10, null)));
    Caller otherVerified = new Caller("carol", "carol@example.com", "Carol", null, true);
    assertEquals(404, status(() -> invitations.accept(otherVerified, id, Optional.empty())));
    assertEquals(Role.VIEWER, invitations.accept(bob, id, Optional.empty()).role());
    assertEquals(Role.VIEWER, projects.requireRole("bob", project, Role.VIEWER).role());
  }

  @Test
  void anInvitationExpiresAfterItsLifetimeAndResendingOpensItAgain() {
    IssuedInvitation issued = invitations.invite(alice, project, "bob@example.com", Role.VIEWER);
    String id = issued.invitation().id();
    clock.advance(Duration.ofDays(7));
    assertEquals(410, status(() -> invitations.accept(bob, id, Optional.empty())));
    assertTrue(invitations.mine(bob, 10, null).items().isEmpty());
    assertEquals("expired", invitations.ofProject("alice", project, 10, null).items().get(0).status());
    IssuedInvitation renewed = invitations.resend(alice, project, id);
    assertEquals(clock.instant().plus(Duration.ofDays(7)), renewed.invitation().expiresAt());
    assertEquals(404, status(() -> invitations.accept(bob, id, Optional.of(issued.token()))));
    invitations.accept(bob, id, Optional.of(renewed.token()));
  }

  @Test
  void invitingTheSameAddressAgainRenewsTheOneInvitation() {
    String first = invitations.invite(alice, project, "bob@example.com", Role.VIEWER).invitation().id();
    IssuedInvitation again = invitations.invite(alice, project, "BOB@example.com", Role.EDITOR);
    assertEquals(first, again.invitation().id());
    assertEquals(1, invitations.ofProject("alice", project, 10, null).items().size());
    assertEquals(Role.EDITOR, invitations.accept(bob, first, Optional.empty()).role());
    assertEquals(409, status(() -> invitations.invite(alice, project, "bob@example.com", Role.VIEWER)));
  }

  @Test
  void onlyOwnersInviteListRevokeAndResend() {
    String id = invitations.invite(alice, project, "bob@example.com", Role.EDITOR).invitation().id();
    invitations.accept(bob, id, Optional.empty());
    assertEquals(403, status(() -> invitations.invite(bob, project, "dan@example.com", Role.VIEWER)));
    assertEquals(403, status(() -> invitations.ofProject("bob", project, 10, null)));
    String other = invitations.invite(alice, project, "dan@example.com", Role.VIEWER).invitation().id();
    assertEquals(403, status(() -> invitations.revoke("bob", project, other)));
    assertEquals(403, status(() -> invitations.resend(bob, project, other)));
    assertEquals(404, status(() -> invitations.revoke("alice", "someOtherProject1", other)));
  }

  @Test
  void aDeclinedOrRevokedInvitationIsClosed() {
    String declined = invitations.invite(alice, project, "bob@example.com", Role.VIEWER).invitation().id();
    invitations.decline(bob, declined, Optional.empty());
    assertEquals(410, status(() -> invitations.accept(bob, declined, Optional.empty())));
    assertEquals(409, status(() -> invitations.resend(alice, project, declined)));
    String revoked = invitations.invite(alice, project, "bob@example.com", Role.VIEWER).invitation().id();
    invitations.revoke("alice", project, revoked);
    assertEquals(410, status(() -> invitations.accept(bob, revoked, Optional.empty())));
    assertEquals(409, status(() -> invitations.revoke("alice", project, revoked)));
  }

  @Test
  void twoAcceptsAtOnceMakeOneMembership() throws Exception {
    String id = invitations.invite(alice, project, "bob@example.com", Role.VIEWER).invitation().id();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      results.add(pool.submit(() -> {
        go.await();
        try {
          invitations.accept(bob, id, Optional.empty());
          return 200;
        } catch (ApiException e) {
          return e.status();
        }
      }));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : results) {
      statuses.add(f.get());
    }
    pool.shutdown();
    assertTrue(statuses.contains(200), statuses.toString());
    assertEquals(2, projects.members("alice", project, 10, null).items().size());
  }
}
