package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.local.Api.Answer;
import dev.contentcreator.local.Emulator.Person;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The projects API from outside: a running local server, people signed in through the Auth emulator. */
class ProjectsApiBlackBoxTest {
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Person alice;
  static Person bob;
  static Person carol;

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    startOn(OnEmulators.adaptersFor(test));
  }

  /** Starts the server with {@code adapters} added to its settings (the embedded ones when empty). */
  static void startOn(Map<String, String> adapters) throws Exception {
    Emulator.ensureRunning();
    server = ServerProcess.start(data, OnEmulators.with(adapters, "RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m"));
    api = new Api(server.base());
    alice = Emulator.signUp("alice");
    bob = Emulator.signUp("bob");
    carol = Emulator.signUp("carol");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static String createProject(Person owner, String name) throws Exception {
    Answer a = api.post("/api/projects", owner.idToken(), "{\"name\":\"" + name + "\",\"description\":\"d\"}")
        .expect(201);
    return a.object().get("id").getAsString();
  }

  private static void addMember(Person owner, String projectId, Person who, String role) throws Exception {
    Invitations.join(api, owner, projectId, who, role);
  }

  @Test
  void aliceCreatesAProjectAndIsItsOwner() throws Exception {
    Answer a = api.post("/api/projects", alice.idToken(), "{\"name\":\"Spring launch\",\"description\":\"Posts\"}")
        .expect(201);
    String id = a.object().get("id").getAsString();
    assertEquals("/api/projects/" + id, a.header("Location"));
    assertEquals("\"1\"", a.header("ETag"));
    assertEquals("owner", a.object().get("role").getAsString());
    Answer got = api.get("/api/projects/" + id, alice.idToken()).expect(200);
    assertEquals("Spring launch", got.object().get("name").getAsString());
  }

  @Test
  void aViewerCanReadButNotChangeTheProject() throws Exception {
    String id = createProject(alice, "Shared");
    addMember(alice, id, bob, "viewer");
    Answer read = api.get("/api/projects/" + id, bob.idToken()).expect(200);
    assertEquals("viewer", read.object().get("role").getAsString());
    api.patch("/api/projects/" + id, bob.idToken(), "{\"name\":\"Mine now\"}").expect(403);
    api.delete("/api/projects/" + id, bob.idToken()).expect(403);
    api.post("/api/projects/" + id + "/members", bob.idToken(),
        "{\"email\":\"" + carol.email() + "\",\"role\":\"viewer\"}").expect(403);
    assertEquals("Shared", api.get("/api/projects/" + id, alice.idToken()).expect(200)
        .object().get("name").getAsString());
  }

  @Test
  void aViewerSeesTheSharedProjectInTheirList() throws Exception {
    String id = createProject(alice, "Listed");
    addMember(alice, id, bob, "viewer");
    Set<String> ids = new HashSet<>();
    for (JsonElement e : api.get("/api/projects?limit=100", bob.idToken()).expect(200).object().getAsJsonArray("items")) {
      ids.add(e.getAsJsonObject().get("id").getAsString());
    }
    assertTrue(ids.contains(id));
  }

  @Test
  void anEditorMayChangeTheProjectButNotItsMembers() throws Exception {
    String id = createProject(alice, "Edited");
    addMember(alice, id, bob, "editor");
    api.patch("/api/projects/" + id, bob.idToken(), "{\"description\":\"by bob\"}").expect(200);
    api.patch("/api/projects/" + id + "/members/" + bob.uid(), bob.idToken(), "{\"role\":\"owner\"}").expect(403);
  }

  @Test
  void aNonMemberGetsNotFoundOnEveryProjectRoute() throws Exception {
    String id = createProject(alice, "Private");
    addMember(alice, id, bob, "editor");
    String p = "/api/projects/" + id;
    List<Answer> answers = List.of(
        api.get(p, carol.idToken()),
        api.patch(p, carol.idToken(), "{\"name\":\"x\"}"),
        api.delete(p, carol.idToken()),
        api.get(p + "/members", carol.idToken()),
        api.post(p + "/members", carol.idToken(), "{\"uid\":\"" + carol.uid() + "\",\"role\":\"owner\"}"),
        api.patch(p + "/members/" + bob.uid(), carol.idToken(), "{\"role\":\"viewer\"}"),
        api.delete(p + "/members/" + bob.uid(), carol.idToken()),
        api.delete(p + "/members/" + carol.uid(), carol.idToken()));
    for (Answer a : answers) {
      assertEquals(404, a.status(), a.raw().request().method() + " " + a.raw().uri() + ": " + a.raw().body());
    }
    Answer missing = api.get("/api/projects/doesNotExist000000000", carol.idToken()).expect(404);
    assertEquals(missing.object().get("detail"), answers.get(0).object().get("detail"),
        "a stranger cannot tell a hidden project from a missing one");
  }

  @Test
  void aMemberPathThatNamesNoPossibleUidIsNotFoundNotAServerError() throws Exception {
    // Found by the route fuzz: a uid with an encoded slash reached the document store as an id and answered 500.
    String id = createProject(alice, "Paths");
    String members = "/api/projects/" + id + "/members/";
    for (String uid : List.of("..%2F..%2Fetc%2Fpasswd", "a%2Fb", "%2E%2E%2F")) {
      api.delete(members + uid, alice.idToken()).expect(404);
      api.patch(members + uid, alice.idToken(), "{\"role\":\"viewer\"}").expect(404);
    }
    assertEquals(1, api.get(members, alice.idToken()).expect(200).object().getAsJsonArray("items").size(),
        "alice is still the only member");
  }

  @Test
  void requestsWithoutAValidTokenAreUnauthorized() throws Exception {
    assertEquals(401, api.get("/api/projects", null).status());
    Answer garbage = api.get("/api/projects", "not-a-token").expect(401);
    assertNotNull(garbage.header("WWW-Authenticate"));
    api.send("GET", "/api/projects", null, null, Map.of("Authorization", "Basic YWxpY2U6c2VjcmV0")).expect(401);
    api.get("/api/me", Tokens.forAnotherProject()).expect(401);
    api.get("/api/projects", Tokens.forAnotherProject()).expect(401);
  }

  @Test
  void malformedJsonIsABadRequestNamingThePlace() throws Exception {
    Answer a = api.post("/api/projects", alice.idToken(), "{\"name\": \"x\", \"description\": }").expect(400);
    assertTrue(a.object().get("detail").getAsString().contains("JSON"), a.raw().body());
    assertEquals("description", a.object().getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString());
  }

  @Test
  void aWrongFieldTypeIsABadRequestNamingTheField() throws Exception {
    Answer a = api.post("/api/projects", alice.idToken(), "{\"name\": 42}").expect(400);
    assertEquals("name", a.object().getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString());
  }

  @Test
  void anOversizedBodyIsRefused() throws Exception {
    String big = "{\"name\":\"big\",\"description\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
    api.post("/api/projects", alice.idToken(), big).expect(413);
  }

  @Test
  void aBodyThatIsNotJsonIsUnsupported() throws Exception {
    api.send("POST", "/api/projects", alice.idToken(), null, Map.of()).expect(400);
    Answer a = api.send("POST", "/api/projects", alice.idToken(), "name=x",
        Map.of("Content-Type", "application/x-www-form-urlencoded"));
    assertEquals(415, a.status(), a.raw().body());
  }

  @Test
  void aStaleIfMatchIsAPreconditionFailure() throws Exception {
    String id = createProject(alice, "Versioned");
    Answer first = api.send("PATCH", "/api/projects/" + id, alice.idToken(), "{\"name\":\"v2\"}",
        Map.of("If-Match", "\"1\"")).expect(200);
    assertEquals("\"2\"", first.header("ETag"));
    api.send("PATCH", "/api/projects/" + id, alice.idToken(), "{\"name\":\"lost update\"}",
        Map.of("If-Match", "\"1\"")).expect(412);
    assertEquals("v2", api.get("/api/projects/" + id, alice.idToken()).object().get("name").getAsString());
  }

  @Test
  void theLastOwnerCannotLeaveButAnotherMemberCan() throws Exception {
    String id = createProject(alice, "Keep an owner");
    addMember(alice, id, bob, "viewer");
    api.delete("/api/projects/" + id + "/members/" + alice.uid(), alice.idToken()).expect(409);
    api.patch("/api/projects/" + id + "/members/" + alice.uid(), alice.idToken(), "{\"role\":\"editor\"}").expect(409);
    api.delete("/api/projects/" + id + "/members/" + bob.uid(), bob.idToken()).expect(204);
    api.get("/api/projects/" + id, bob.idToken()).expect(404);
  }

  @Test
  void anOwnerCanHandOverAndThenLeave() throws Exception {
    String id = createProject(alice, "Hand over");
    addMember(alice, id, bob, "viewer");
    api.patch("/api/projects/" + id + "/members/" + bob.uid(), alice.idToken(), "{\"role\":\"owner\"}").expect(200);
    api.delete("/api/projects/" + id + "/members/" + alice.uid(), alice.idToken()).expect(204);
    assertEquals("owner", api.get("/api/projects/" + id, bob.idToken()).expect(200).object().get("role").getAsString());
  }

  @Test
  void invitingAMemberAgainIsAConflictAndABadRoleIsRefused() throws Exception {
    String id = createProject(alice, "Members");
    addMember(alice, id, bob, "viewer");
    api.post("/api/projects/" + id + "/members", alice.idToken(),
        "{\"email\":\"" + bob.email() + "\",\"role\":\"editor\"}").expect(409);
    api.post("/api/projects/" + id + "/members", alice.idToken(),
        "{\"email\":\"nobody-" + System.nanoTime() + "@example.com\",\"role\":\"editor\"}").expect(202);
    api.post("/api/projects/" + id + "/members", alice.idToken(),
        "{\"email\":\"" + carol.email() + "\",\"role\":\"boss\"}").expect(400);
    JsonObject members = api.get("/api/projects/" + id + "/members", bob.idToken()).expect(200).object();
    assertEquals(2, members.getAsJsonArray("items").size());
  }

  @Test
  void projectListsPageWithACursor() throws Exception {
    Person dave = Emulator.signUp("dave");
    for (int i = 0; i < 5; i++) {
      createProject(dave, "p" + i);
    }
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      Answer page = api.get("/api/projects?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), dave.idToken())
          .expect(200);
      for (JsonElement e : page.object().getAsJsonArray("items")) {
        assertTrue(seen.add(e.getAsJsonObject().get("id").getAsString()), "no project twice");
      }
      JsonElement next = page.object().get("nextCursor");
      cursor = next == null || next.isJsonNull() ? null : java.net.URLEncoder.encode(next.getAsString(), "UTF-8");
      pages++;
    } while (cursor != null && pages < 10);
    assertEquals(5, seen.size());
    api.get("/api/projects?cursor=garbage", dave.idToken()).expect(400);
    api.get("/api/projects?limit=0", dave.idToken()).expect(400);
  }

  @Test
  void meIsCreatedOnFirstSightAndCanBeRenamed() throws Exception {
    Person erin = Emulator.signUp("erin");
    Answer me = api.get("/api/me", erin.idToken()).expect(200);
    assertEquals(erin.uid(), me.object().get("uid").getAsString());
    assertEquals(erin.email(), me.object().get("email").getAsString());
    Answer renamed = api.send("PATCH", "/api/me", erin.idToken(), "{\"displayName\":\"Erin K\"}",
        Map.of("If-Match", me.header("ETag"))).expect(200);
    assertEquals("Erin K", renamed.object().get("displayName").getAsString());
    api.patch("/api/me", erin.idToken(), "{\"photoUrl\":\"javascript:alert(1)\"}").expect(400);
  }

  @Test
  void unknownRoutesAndMethodsAreProblems() throws Exception {
    api.get("/api/nothing-here", alice.idToken()).expect(404);
    Answer a = api.send("PUT", "/api/projects", alice.idToken(), "{}", Map.of()).expect(405);
    assertNotNull(a.header("Allow"));
  }

  @Test
  void healthNeedsNoToken() throws Exception {
    Answer h = api.get("/api/health", null).expect(200);
    assertEquals("ok", h.object().get("status").getAsString());
  }

  @Test
  void theLogHasOneJsonLinePerRequestAndNoToken() throws Exception {
    api.get("/api/projects", alice.idToken()).expect(200);
    Thread.sleep(200);
    String out = server.output();
    assertFalse(out.contains(alice.idToken()), "an ID token reached the log");
    assertTrue(out.lines().anyMatch(l -> l.startsWith("{\"severity\":\"INFO\"") && l.contains("\"httpRequest\"")
        && l.contains("\"uid\":\"" + alice.uid() + "\"")), "no structured request line for alice");
  }

  @Test
  void deletingAProjectRemovesItForEveryone() throws Exception {
    String id = createProject(alice, "Gone");
    addMember(alice, id, bob, "editor");
    api.delete("/api/projects/" + id, alice.idToken()).expect(204);
    api.get("/api/projects/" + id, alice.idToken()).expect(404);
    api.get("/api/projects/" + id, bob.idToken()).expect(404);
    for (JsonElement e : api.get("/api/projects?limit=100", bob.idToken()).expect(200).object().getAsJsonArray("items")) {
      assertFalse(id.equals(e.getAsJsonObject().get("id").getAsString()), "deleted project still listed");
    }
  }
}
