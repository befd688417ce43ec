package dev.contentcreator.local;

import dev.contentcreator.local.Emulator.Person;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Uploads a small image into a project, as the web app's upload button does; the answer is held
 * to docs/openapi.yaml.
 */
final class MediaUpload {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private MediaUpload() {}

  static HttpResponse<String> send(ServerProcess server, String project, Person who, String title) throws Exception {
    return send(server, project, who, title, MediaBlackBoxTest.png(64, 48));
  }

  static HttpResponse<String> send(ServerProcess server, String project, Person who, String title, byte[] png)
      throws Exception {
    return ApiContract.OF_REPO.check(HTTP.send(HttpRequest.newBuilder(server.base().resolve("/api/projects/"
            + project + "/media?title=" + URLEncoder.encode(title, StandardCharsets.UTF_8)))
        .header("Authorization", "Bearer " + who.idToken()).header("Content-Type", "image/png")
        .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(), HttpResponse.BodyHandlers.ofString()));
  }
}
