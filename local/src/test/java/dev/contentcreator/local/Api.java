package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * An HTTP client of the public API for tests. Every answer is checked to be no 500, every error
 * to be problem+json whose status matches the HTTP status, and every answer to be one that
 * docs/openapi.yaml describes for the operation, its JSON body valid against the response's
 * schema ({@link ApiContract}).
 */
final class Api {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final URI base;

  Api(URI base) {
    this.base = base;
  }

  /** One answer: status, headers, and the body parsed as JSON (JsonNull when empty). */
  record Answer(int status, HttpResponse<String> raw, JsonElement json) {
    JsonObject object() {
      return json.getAsJsonObject();
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    Answer expect(int expected) {
      assertEquals(expected, status, () -> "unexpected status; body: " + raw.body());
      return this;
    }
  }

  Answer send(String method, String path, String token, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Type"))) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    headers.forEach(b::header);
    return checked(method, path, HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()));
  }

  /** Sends {@code bytes} as the body with {@code contentType}; the answer is checked as {@link #send}'s. */
  Answer sendBytes(String method, String path, String token, byte[] bytes, String contentType)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
        .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes)).header("Content-Type", contentType);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return checked(method, path, HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()));
  }

  private static Answer checked(String method, String path, HttpResponse<String> r) {
    assertTrue(r.statusCode() < 500 || r.statusCode() == 503, () -> method + " " + path + " answered "
        + r.statusCode() + ": " + r.body());
    JsonElement json = r.body().isEmpty() ? com.google.gson.JsonNull.INSTANCE : JsonParser.parseString(r.body());
    if (r.statusCode() >= 400) {
      assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""),
          () -> "errors are problem+json: " + r.body());
      assertEquals(r.statusCode(), json.getAsJsonObject().get("status").getAsInt());
      assertTrue(json.getAsJsonObject().has("type") && json.getAsJsonObject().has("title")
          && json.getAsJsonObject().has("detail"), () -> "problem lacks a member: " + r.body());
    }
    ApiContract.OF_REPO.check(r);
    return new Answer(r.statusCode(), r, json);
  }

  Answer get(String path, String token) throws IOException, InterruptedException {
    return send("GET", path, token, null, Map.of());
  }

  Answer post(String path, String token, String body) throws IOException, InterruptedException {
    return send("POST", path, token, body, Map.of());
  }

  Answer patch(String path, String token, String body) throws IOException, InterruptedException {
    return send("PATCH", path, token, body, Map.of());
  }

  Answer delete(String path, String token) throws IOException, InterruptedException {
    return send("DELETE", path, token, null, Map.of());
  }
}
