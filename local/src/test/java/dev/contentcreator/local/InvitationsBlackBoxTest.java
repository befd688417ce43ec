package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.local.Api.Answer;
import dev.contentcreator.local.Emulator.Person;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invitations by e-mail, from outside (issue 11, defect 5): an address is only as good as its
 * verification, and inviting says nothing about whether an account exists.
 */
class InvitationsBlackBoxTest {
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Person alice;
  static Person carol;

  static Map<String, String> adapters;

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    Emulator.ensureRunning();
    adapters = OnEmulators.adaptersFor(test);
    server = ServerProcess.start(data, OnEmulators.with(adapters, "RATE_LIMIT_PER_USER", "10000/1m",
        "RATE_LIMIT_PER_IP", "10000/1m"));
    api = new Api(server.base());
    alice = Emulator.signUp("alice");
    carol = Emulator.signUp("carol");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static String createProject(Api on, Person owner) throws Exception {
    return on.post("/api/projects", owner.idToken(), "{\"name\":\"Corp launch\"}").expect(201).object()
        .get("id").getAsString();
  }

  private static Answer invite(Api on, Person owner, String projectId, String email, String role) throws Exception {
    return on.post("/api/projects/" + projectId + "/members", owner.idToken(),
        "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
  }

  private static String unique(String local, String domain) {
    return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
  }

  private static String tokenOf(JsonObject invitation) {
    String path = invitation.get("acceptPath").getAsString();
    return path.substring(path.indexOf("#token=") + "#token=".length());
  }

  private static boolean lists(Answer mine, String invitationId) {
    for (JsonElement e : mine.object().getAsJsonArray("items")) {
      if (invitationId.equals(e.getAsJsonObject().get("id").getAsString())) {
        return true;
      }
    }
    return false;
  }

  @Test
  void anUnverifiedAccountCannotSeeOrAcceptAnInvitationToItsAddressUntilItIsVerified() throws Exception {
    Person boss = Emulator.signUpAs(unique("boss", "corp.com"), "Not the boss");
    String project = createProject(api, alice);
    Answer invited = invite(api, alice, project, boss.email().toUpperCase(java.util.Locale.ROOT), "editor");

    // Whoever signed up with the address, without owning it, is not let in by the invitation.
    api.get("/api/projects/" + project, boss.idToken()).expect(404);
    invited.expect(202);
    String id = invited.object().get("id").getAsString();
    assertEquals(boss.email(), invited.object().get("email").getAsString(), "addresses are kept lower-case");
    assertEquals("pending", invited.object().get("status").getAsString());
    Answer unseen = api.get("/api/invitations", boss.idToken()).expect(403);
    assertTrue(unseen.object().get("detail").getAsString().toLowerCase().contains("verify"), unseen.raw().body());
    Answer refused = api.post("/api/invitations/" + id + "/accept", boss.idToken(), "{}").expect(403);
    assertTrue(refused.object().get("detail").getAsString().toLowerCase().contains("verify"), refused.raw().body());
    api.get("/api/projects/" + project, boss.idToken()).expect(404);

    Person verified = Emulator.verify(boss);
    Answer mine = api.get("/api/invitations", verified.idToken()).expect(200);
    assertTrue(lists(mine, id), mine.raw().body());
    assertFalse(mine.raw().body().contains("acceptPath") || mine.raw().body().contains("tokenHash"),
        "a list never shows the link's secret: " + mine.raw().body());
    JsonObject member = api.post("/api/invitations/" + id + "/accept", verified.idToken(), "{}").expect(200).object();
    assertEquals("editor", member.get("role").getAsString());
    assertEquals("editor", api.get("/api/projects/" + project, verified.idToken()).expect(200).object()
        .get("role").getAsString());
    api.post("/api/invitations/" + id + "/accept", verified.idToken(), "{}").expect(409);
    assertFalse(lists(api.get("/api/invitations", verified.idToken()).expect(200), id));
  }

  @Test
  void invitingAnAddressAnswersAlikeWhetherOrNotAnAccountUsesIt() throws Exception {
    String project = createProject(api, alice);
    Answer known = invite(api, alice, project, carol.email(), "viewer");
    String nobody = unique("carol", "example.com");
    Answer unknown = invite(api, alice, project, nobody, "viewer");

    assertEquals(known.status(), unknown.status());
    known.expect(202);
    assertEquals(known.raw().headers().map().keySet(), unknown.raw().headers().map().keySet());
    assertEquals(blank(known, carol.email()), blank(unknown, nobody));
    assertFalse(known.raw().body().contains(carol.uid()), "the answer never names the account: " + known.raw().body());
    JsonObject pending = api.get("/api/projects/" + project + "/invitations", alice.idToken()).expect(200).object();
    assertEquals(2, pending.getAsJsonArray("items").size());
    assertEquals(1, api.get("/api/projects/" + project + "/members", alice.idToken()).expect(200).object()
        .getAsJsonArray("items").size(), "nobody joins before accepting");
  }

  /** The body with what differs by nature (ids, times, the address, the link) taken out. */
  private static String blank(Answer a, String email) {
    JsonObject o = a.object();
    return a.raw().body()
        .replace(o.get("id").getAsString(), "ID")
        .replace(o.get("createdAt").getAsString(), "T0")
        .replace(o.get("expiresAt").getAsString(), "T1")
        .replace(tokenOf(o), "TOKEN")
        .replace(email, "EMAIL");
  }

  @Test
  void aStrangerGetsNotFoundOnSomeoneElsesInvitation() throws Exception {
    Person bob = Emulator.signUp("bob");
    Person mallory = Emulator.verify(Emulator.signUp("mallory"));
    String project = createProject(api, alice);
    JsonObject invitation = invite(api, alice, project, bob.email(), "viewer").expect(202).object();
    String id = invitation.get("id").getAsString();
    String withToken = "{\"token\":\"" + tokenOf(invitation) + "\"}";

    // Even holding the link, someone signed in with another address is told nothing.
    Answer stolen = api.post("/api/invitations/" + id + "/accept", mallory.idToken(), withToken).expect(404);
    Answer missing = api.post("/api/invitations/" + UUID.randomUUID().toString().replace("-", "") + "/accept",
        mallory.idToken(), "{}").expect(404);
    assertEquals(missing.object().get("detail"), stolen.object().get("detail"));
    api.post("/api/invitations/" + id + "/decline", mallory.idToken(), "{}").expect(404);
    assertFalse(lists(api.get("/api/invitations", mallory.idToken()).expect(200), id));
    api.get("/api/projects/" + project + "/invitations", mallory.idToken()).expect(404);
    api.post("/api/projects/" + project + "/invitations/" + id + "/revoke", mallory.idToken(), "{}").expect(404);
    api.post("/api/projects/" + project + "/invitations/" + id + "/resend", mallory.idToken(), "{}").expect(404);
    api.get("/api/projects/" + project, mallory.idToken()).expect(404);

    // The invitee can still take it up, and a viewer may not manage invitations.
    Person verifiedBob = Emulator.verify(bob);
    api.post("/api/invitations/" + id + "/accept", verifiedBob.idToken(), withToken).expect(200);
    api.get("/api/projects/" + project + "/invitations", verifiedBob.idToken()).expect(403);
  }

  @Test
  void aRevokedInvitationCannotBeAcceptedAndAResentOneTakesOnlyItsNewLink() throws Exception {
    Person dan = Emulator.verify(Emulator.signUp("dan"));
    String project = createProject(api, alice);
    String revoked = invite(api, alice, project, dan.email(), "viewer").expect(202).object().get("id").getAsString();
    api.post("/api/projects/" + project + "/invitations/" + revoked + "/revoke", alice.idToken(), "{}").expect(200);
    assertFalse(lists(api.get("/api/invitations", dan.idToken()).expect(200), revoked));
    api.post("/api/invitations/" + revoked + "/accept", dan.idToken(), "{}").expect(410);
    api.get("/api/projects/" + project, dan.idToken()).expect(404);

    JsonObject first = invite(api, alice, project, dan.email(), "editor").expect(202).object();
    String id = first.get("id").getAsString();
    JsonObject resent = api.post("/api/projects/" + project + "/invitations/" + id + "/resend", alice.idToken(), "{}")
        .expect(200).object();
    assertNotEquals(tokenOf(first), tokenOf(resent));
    api.post("/api/invitations/" + id + "/accept", dan.idToken(), "{\"token\":\"" + tokenOf(first) + "\"}").expect(404);
    api.post("/api/invitations/" + id + "/accept", dan.idToken(), "{\"token\":\"" + tokenOf(resent) + "\"}").expect(200);
    assertEquals("editor", api.get("/api/projects/" + project, dan.idToken()).expect(200).object().get("role").getAsString());
  }

  @Test
  void anExpiredInvitationCannotBeAccepted() throws Exception {
    Path dir = Files.createTempDirectory(data, "short-lived");
    try (ServerProcess shortLived = ServerProcess.start(dir, OnEmulators.with(adapters, "INVITATION_TTL", "2s",
        "RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m"))) {
      Api on = new Api(shortLived.base());
      Person erin = Emulator.verify(Emulator.signUp("erin"));
      String project = createProject(on, alice);
      String id = invite(on, alice, project, erin.email(), "viewer").expect(202).object().get("id").getAsString();
      Thread.sleep(2500);
      assertFalse(lists(on.get("/api/invitations", erin.idToken()).expect(200), id));
      on.post("/api/invitations/" + id + "/accept", erin.idToken(), "{}").expect(410);
      on.get("/api/projects/" + project, erin.idToken()).expect(404);
    }
  }

  @Test
  void membersAreNoLongerAddedDirectlyByUid() throws Exception {
    String project = createProject(api, alice);
    api.post("/api/projects/" + project + "/members", alice.idToken(),
        "{\"uid\":\"" + carol.uid() + "\",\"role\":\"owner\"}").expect(400);
    api.get("/api/projects/" + project, carol.idToken()).expect(404);
  }
}
