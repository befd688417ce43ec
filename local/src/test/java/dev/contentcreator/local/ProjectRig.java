package dev.contentcreator.local;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.local.Emulator.Person;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A local server in its own JVM whose demo provider answers at once, with rate limits out of the
 * way, and one project: alice owns it, vic joined it as a viewer, zed is a stranger to it. The
 * export tests share it: each reads what alice made as vic, and checks that zed and the unsigned
 * learn nothing. {@link FaultRig} is its kin for tests of faults, with fake providers and a project
 * per test.
 */
final class ProjectRig implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final ServerProcess server;
  final Api api;
  final Person alice;
  final Person vic;
  final Person zed;
  final String project;

  /** A batch of alice's project and the run of it that was started and has completed. */
  record BatchRun(String batch, String run) {}

  private ProjectRig(ServerProcess server, Api api, Person alice, Person vic, Person zed, String project) {
    this.server = server;
    this.api = api;
    this.alice = alice;
    this.vic = vic;
    this.zed = zed;
    this.project = project;
  }

  /** Starts the server ({@code overrides} replace or add settings) and makes the project and its people. */
  static ProjectRig start(Path data, String projectName, Map<String, String> overrides) throws Exception {
    Emulator.ensureRunning();
    Map<String, String> env = new HashMap<>(Map.of("RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m",
        "DEMO_CHUNK_DELAY", "0ms", "DEMO_LATENCY", "0ms"));
    env.putAll(overrides);
    ServerProcess server = ServerProcess.start(data, env);
    try {
      Api api = new Api(server.base());
      Person alice = Emulator.signUp("alice");
      Person vic = Emulator.signUp("vic");
      Person zed = Emulator.signUp("zed");
      JsonObject name = new JsonObject();
      name.addProperty("name", projectName);
      String project = api.post("/api/projects", alice.idToken(), name.toString()).expect(201).object().get("id")
          .getAsString();
      vic = Invitations.join(api, alice, project, vic, "viewer");
      return new ProjectRig(server, api, alice, vic, zed, project);
    } catch (Exception | AssertionError e) {
      try {
        server.close();
      } catch (Exception closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /**
   * Makes a text template of one required variable, {@code product}, and a weekly batch of it with
   * {@code rows} (a JSON array of rows), runs it now and waits (up to 30 s) for the run to complete
   * every row.
   */
  BatchRun completedRun(String rows) throws Exception {
    String template = api.post("/api/templates", alice.idToken(), "{\"projectId\":\"" + project + "\","
        + "\"name\":\"Line\",\"kind\":\"text\",\"body\":\"One line about {{product}}\",\"variables\":["
        + "{\"name\":\"product\",\"type\":\"string\",\"required\":true}]}").expect(201).object().get("id")
        .getAsString();
    String batch = api.post("/api/projects/" + project + "/batches", alice.idToken(), "{\"name\":\"Spring lines\","
        + "\"templateId\":\"" + template + "\",\"schedule\":\"0 9 * * 1\",\"rows\":" + rows + "}")
        .expect(201).object().get("id").getAsString();
    String run = api.post("/api/projects/" + project + "/batches/" + batch + "/run", alice.idToken(), null).expect(201)
        .object().get("id").getAsString();
    int count = JsonParser.parseString(rows).getAsJsonArray().size();
    for (int i = 0; i < 300; i++) {
      JsonObject last = api.get("/api/projects/" + project + "/batches/" + batch + "/runs", alice.idToken()).expect(200)
          .object().getAsJsonArray("items").get(0).getAsJsonObject();
      if (last.get("status").getAsString().equals("completed") && last.get("completed").getAsInt() == count) {
        break;
      }
      Thread.sleep(100);
    }
    return new BatchRun(batch, run);
  }

  /** A GET of {@code pathAndQuery} on the server, signed by {@code who}'s ID token, or unsigned for null. */
  <T> HttpResponse<T> get(String pathAndQuery, Person who, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.base().resolve(URI.create(pathAndQuery))).GET();
    if (who != null) {
      b.header("Authorization", "Bearer " + who.idToken());
    }
    return HTTP.send(b.build(), body);
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
