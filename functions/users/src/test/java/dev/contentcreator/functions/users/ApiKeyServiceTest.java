package dev.contentcreator.functions.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.domain.Secrets;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiKeyCheck;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.http.KeyScope;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.keys.ApiKeyService;
import dev.contentcreator.core.keys.ApiKeyView;
import dev.contentcreator.core.keys.IssuedApiKey;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.users.UserService;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys on a real SQLite store with a clock the test moves: hashing, expiry, role cap, scope, revoking. */
class ApiKeyServiceTest {
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
  private ApiKeyService keys;
  private String project;
  private String other;
  private final Caller alice = new Caller("alice", "alice@example.com", "Alice", null, true);
  private final Caller bob = new Caller("bob", "bob@example.com", "Bob", null, true);

  @BeforeEach
  void open() {
    store = SqliteDocumentStore.open(dir.resolve("t.db"));
    UserService users = new UserService(store, clock);
    projects = new ProjectService(store, users, clock);
    users.ensure(alice);
    users.ensure(bob);
    project = projects.create(alice, "Launch", "").id();
    other = projects.create(alice, "Other", "").id();
    join(bob, project, Role.VIEWER);
    keys = new ApiKeyService(store, projects, clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void join(Caller who, String projectId, Role role) {
    Member m = new Member(projectId, who.uid(), role, who.email(), who.name(), "alice", clock.instant(), clock.instant());
    store.set(ProjectService.MEMBERS, Member.documentId(projectId, who.uid()), Json.toTree(m).getAsJsonObject());
  }

  private IssuedApiKey make(Caller who, String projectId, Role role) {
    return keys.create(who, new ApiKeyService.Request("ci", projectId, role, null, null));
  }

  @Test
  void aKeyIsShownOnceAndOnlyTheHashOfItsSecretIsStored() {
    IssuedApiKey issued = make(alice, project, Role.EDITOR);
    assertTrue(issued.secret().startsWith(ApiKeyCheck.PREFIX + issued.key().id() + "_"));
    assertEquals(68, issued.secret().length());
    String secretPart = issued.secret().substring(issued.secret().length() - Secrets.LENGTH);
    String stored = store.get(ApiKeyService.KEYS, issued.key().id()).orElseThrow().data().toString();
    assertFalse(stored.contains(secretPart), stored);
    assertTrue(stored.contains(Secrets.hash(secretPart)), stored);
    assertFalse(Json.toApiTree(keys.list("alice")).toString().contains(secretPart));
  }

  @Test
  void aKeyChecksAsItsPersonWithItsScope() {
    IssuedApiKey issued = make(alice, project, Role.EDITOR);
    Caller c = keys.check(issued.secret()).orElseThrow();
    assertEquals("alice", c.uid());
    assertEquals(new KeyScope(issued.key().id(), project, Role.EDITOR), c.key());
  }

  @Test
  void aWrongSecretMalformedOrUnknownKeyChecksAsNothing() {
    IssuedApiKey issued = make(alice, project, Role.EDITOR);
    String s = issued.secret();
    char last = s.charAt(s.length() - 1);
    assertTrue(keys.check(s.substring(0, s.length() - 1) + (last == 'A' ? 'B' : 'A')).isEmpty());
    assertTrue(keys.check(s.substring(0, s.length() - 1)).isEmpty());
    assertTrue(keys.check(ApiKeyCheck.PREFIX + "AAAAAAAAAAAAAAAAAAAA_" + Secrets.newSecret()).isEmpty());
    assertTrue(keys.check("eyJhbGciOi").isEmpty());
  }

  @Test
  void aKeyEndsAtItsExpiry() {
    IssuedApiKey issued = keys.create(alice, new ApiKeyService.Request("short", null, Role.VIEWER, null,
        Duration.ofDays(1)));
    assertTrue(keys.check(issued.secret()).isPresent());
    clock.advance(Duration.ofDays(1));
    assertTrue(keys.check(issued.secret()).isEmpty());
    assertEquals("expired", keys.list("alice").get(0).status());
  }

  @Test
  void anExpiryBeyondTheMaximumOrTooSoonIsRefused() {
    ApiException far = assertThrows(ApiException.class, () -> keys.create(alice,
        new ApiKeyService.Request("x", null, Role.VIEWER, clock.instant().plus(Duration.ofDays(400)), null)));
    assertEquals(422, far.status());
    ApiException past = assertThrows(ApiException.class, () -> keys.create(alice,
        new ApiKeyService.Request("x", null, Role.VIEWER, clock.instant().minusSeconds(1), null)));
    assertEquals(422, past.status());
  }

  @Test
  void revokingEndsAKeyAtOnceAndIsListed() {
    IssuedApiKey issued = make(alice, null, Role.OWNER);
    ApiKeyView revoked = keys.revoke("alice", issued.key().id());
    assertEquals("revoked", revoked.status());
    assertTrue(keys.check(issued.secret()).isEmpty());
    assertEquals("revoked", keys.list("alice").get(0).status());
    assertEquals("revoked", keys.revoke("alice", issued.key().id()).status(), "revoking twice changes nothing");
  }

  @Test
  void anotherPersonsKeyCannotBeRevokedAndIsNotListed() {
    IssuedApiKey issued = make(alice, null, Role.OWNER);
    ApiException e = assertThrows(ApiException.class, () -> keys.revoke("bob", issued.key().id()));
    assertEquals(404, e.status());
    assertTrue(keys.list("bob").isEmpty());
    assertTrue(keys.check(issued.secret()).isPresent());
  }

  @Test
  void aKeysRoleIsNoHigherThanThePersonsInItsProject() {
    ApiException e = assertThrows(ApiException.class, () -> make(bob, project, Role.EDITOR));
    assertEquals(403, e.status());
    assertEquals(Role.VIEWER.wireName(), make(bob, project, Role.VIEWER).key().role());
  }

  @Test
  void aKeyForAProjectThePersonIsNotInIsTheStrangersNotFound() {
    ApiException e = assertThrows(ApiException.class, () -> make(bob, other, Role.VIEWER));
    assertEquals(404, e.status());
  }

  @Test
  void inAProjectAKeyActsWithTheLowerOfItsRoleAndTheMembers() {
    IssuedApiKey issued = make(alice, null, Role.EDITOR);
    Caller c = keys.check(issued.secret()).orElseThrow();
    try (KeyScope.Scope s = KeyScope.enter(c.key())) {
      assertEquals(Role.EDITOR, projects.requireRole("alice", project, Role.VIEWER).role());
      ApiException e = assertThrows(ApiException.class, () -> projects.requireRole("alice", project, Role.OWNER));
      assertEquals(403, e.status());
    }
    assertEquals(Role.OWNER, projects.requireRole("alice", project, Role.OWNER).role());
  }

  @Test
  void aDemotedPersonsKeyLosesPowerWithThem() {
    join(bob, project, Role.EDITOR);
    Caller c = keys.check(make(bob, project, Role.EDITOR).secret()).orElseThrow();
    join(bob, project, Role.VIEWER);
    try (KeyScope.Scope s = KeyScope.enter(c.key())) {
      assertEquals(403, assertThrows(ApiException.class, () -> projects.requireRole("bob", project, Role.EDITOR))
          .status());
    }
  }

  @Test
  void aKeyForOneProjectFindsNoOtherAndListsOnlyItsOwn() {
    Caller c = keys.check(make(alice, project, Role.OWNER).secret()).orElseThrow();
    try (KeyScope.Scope s = KeyScope.enter(c.key())) {
      assertEquals(404, assertThrows(ApiException.class, () -> projects.requireRole("alice", other, Role.VIEWER))
          .status());
      assertEquals(404, assertThrows(ApiException.class,
          () -> store.transaction(tx -> projects.requireRole(tx, "alice", other, Role.VIEWER))).status());
      List<String> listed = projects.list("alice", 50, null).items().stream().map(p -> p.id()).toList();
      assertEquals(List.of(project), listed);
    }
  }

  @Test
  void theLastUseIsWrittenAtMostOnceAMinute() {
    IssuedApiKey issued = make(alice, null, Role.VIEWER);
    assertNull(keys.list("alice").get(0).lastUsedAt());
    keys.check(issued.secret());
    Instant first = keys.list("alice").get(0).lastUsedAt();
    assertEquals(clock.instant(), first);
    clock.advance(Duration.ofSeconds(30));
    keys.check(issued.secret());
    assertEquals(first, keys.list("alice").get(0).lastUsedAt());
    clock.advance(Duration.ofSeconds(31));
    keys.check(issued.secret());
    assertNotEquals(first, keys.list("alice").get(0).lastUsedAt());
  }

  @Test
  void aPersonHasAtMostSoManyKeysInUse() {
    for (int i = 0; i < ApiKeyService.MAX_ACTIVE; i++) {
      make(alice, null, Role.VIEWER);
    }
    assertEquals(409, assertThrows(ApiException.class, () -> make(alice, null, Role.VIEWER)).status());
    keys.revoke("alice", keys.list("alice").get(0).id());
    make(alice, null, Role.VIEWER);
  }

  @Test
  void endedKeysMakeRoomSoTheListAlwaysHoldsEveryKeyInUse() {
    IssuedApiKey keep = make(alice, null, Role.VIEWER);
    for (int i = 0; i < ApiKeyService.MAX_LISTED + 10; i++) {
      IssuedApiKey k = make(alice, null, Role.VIEWER);
      keys.revoke("alice", k.key().id());
      clock.advance(Duration.ofSeconds(1));
    }
    List<ApiKeyView> listed = keys.list("alice");
    assertTrue(listed.size() < ApiKeyService.MAX_LISTED, "stored keys stay under the cap: " + listed.size());
    assertTrue(listed.stream().anyMatch(v -> v.id().equals(keep.key().id())), "the key in use is never dropped");
    assertEquals(1, listed.stream().filter(v -> v.status().equals("active")).count());
  }
}
