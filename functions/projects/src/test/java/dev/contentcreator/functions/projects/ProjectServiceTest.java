package dev.contentcreator.functions.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.invitations.InvitationService;
import dev.contentcreator.core.invitations.InvitationSettings;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.projects.ProjectView;
import dev.contentcreator.core.users.UserService;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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

/** The project rules on a real SQLite store: roles, the last owner, concurrent changes. */
class ProjectServiceTest {
  @TempDir Path dir;
  private SqliteDocumentStore store;
  private UserService users;
  private ProjectService projects;
  private InvitationService invitations;
  private final Caller alice = new Caller("alice", "alice@example.com", "Alice", null);
  private final Caller bob = new Caller("bob", "bob@example.com", "Bob", null, true);

  @BeforeEach
  void open() {
    store = SqliteDocumentStore.open(dir.resolve("t.db"));
    users = new UserService(store, Clock.systemUTC());
    projects = new ProjectService(store, users, Clock.systemUTC());
    dev.contentcreator.core.mail.MailService mail = new dev.contentcreator.core.mail.MailService(
        () -> task -> true, () -> m -> { }, dev.contentcreator.core.mail.MailSettings.of("https://app.test"),
        Clock.systemUTC());
    invitations = new InvitationService(store, projects, users, InvitationSettings.of(Duration.ofDays(7)),
        () -> mail, () -> new dev.contentcreator.core.notifications.NotificationService(store, users, mail,
            Clock.systemUTC()), Clock.systemUTC());
    users.ensure(alice);
    users.ensure(bob);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void twoOwnersSteppingDownAtOnceLeaveOneOwner() throws Exception {
    ProjectView p = projects.create(alice, "Race", "");
    join(p, bob, Role.OWNER);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (String uid : List.of("alice", "bob")) {
      results.add(pool.submit(() -> {
        go.await();
        try {
          projects.changeRole(uid, p.id(), uid, Role.VIEWER);
          return true;
        } catch (ApiException e) {
          assertEquals(409, e.status());
          return false;
        }
      }));
    }
    go.countDown();
    int succeeded = 0;
    for (Future<Boolean> f : results) {
      succeeded += f.get() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(1, succeeded, "exactly one may step down");
    long owners = projects.members("alice", p.id(), 100, null).items().stream()
        .filter(m -> m.role() == Role.OWNER).count();
    assertEquals(1, owners);
  }

  /** Alice invites the person's address, and they accept. */
  private void join(ProjectView p, Caller who, Role role) {
    String id = invitations.invite(alice, p.id(), who.email().toUpperCase(java.util.Locale.ROOT), role).invitation().id();
    invitations.accept(who, id, Optional.empty());
  }

  @Test
  void anInvitationToAnAddressInAnyCaseJoinsThePersonWithThatAddress() {
    ProjectView p = projects.create(alice, "Case", "");
    join(p, bob, Role.EDITOR);
    assertEquals(Role.EDITOR, projects.requireRole("bob", p.id(), Role.VIEWER).role());
  }

  @Test
  void aMalformedProjectIdIsNotFound() {
    assertEquals(404, assertThrows(ApiException.class, () -> projects.get("alice", "../../etc")).status());
  }

  @Test
  void aViewerCannotRemoveOthers() {
    ProjectView p = projects.create(alice, "Remove", "");
    join(p, bob, Role.VIEWER);
    assertEquals(403, assertThrows(ApiException.class, () -> projects.removeMember("bob", p.id(), "alice")).status());
  }

  @Test
  void eachChangeRaisesTheVersionByOne() {
    ProjectView p = projects.create(alice, "V", "");
    ProjectView v2 = projects.update("alice", p.id(), "\"1\"", Optional.of("V2"), Optional.empty(), Optional.empty());
    ProjectView v3 = projects.update("alice", p.id(), null, Optional.empty(), Optional.empty(), Optional.of(true));
    assertEquals(2, v2.version());
    assertEquals(3, v3.version());
    assertEquals(true, v3.archived());
    assertEquals("V2", v3.name());
  }
}
