package dev.contentcreator.local;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a server-sent event stream to its end, as a browser's EventSource would. */
final class Sse {
  private Sse() {}

  /** One event: its name and its JSON data. */
  record Event(String name, JsonObject data) {}

  static List<Event> readAll(URI uri, String token, Duration timeout) throws Exception {
    HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").timeout(timeout).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("events answered " + r.statusCode() + ": "
          + new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
    }
    if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
      throw new IllegalStateException("not an event stream: " + r.headers().firstValue("Content-Type"));
    }
    List<Event> events = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      String name = null;
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isEmpty()) {
          if (name != null) {
            events.add(new Event(name, JsonParser.parseString(data.toString()).getAsJsonObject()));
          }
          name = null;
          data.setLength(0);
        } else if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        }
      }
    }
    return events;
  }
}
