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

/**
 * Reads a server-sent event stream to its end, as a browser's EventSource would. A refusal, and
 * the job each {@code job} and {@code end} event carries, are held to docs/openapi.yaml.
 */
final class Sse {
  private Sse() {}

  /** One event: its name, its JSON data and its id (null when it had none). */
  record Event(String name, JsonObject data, String id) {
    Event(String name, JsonObject data) {
      this(name, data, null);
    }
  }

  /**
   * One response of the events route read to its end: the status, the Content-Type, the events,
   * the {@code retry:} values the server sent, and the body when it was not a stream.
   */
  record Reading(int status, String contentType, String retryAfter, List<Event> events, List<Long> retries,
      String problem) {
    /** The id of the last event that had one, as a browser keeps it for its next request. */
    String lastEventId() {
      String id = null;
      for (Event e : events) {
        if (e.id() != null) {
          id = e.id();
        }
      }
      return id;
    }
  }

  /** Opens the stream, with a Last-Event-ID when {@code lastEventId} is not null, and reads it to its end. */
  static Reading read(URI uri, String token, String lastEventId, Duration timeout) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
        .header("Accept", "text/event-stream").timeout(timeout);
    if (lastEventId != null) {
      b.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<InputStream> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    String type = r.headers().firstValue("Content-Type").orElse("");
    String retryAfter = r.headers().firstValue("Retry-After").orElse(null);
    if (r.statusCode() != 200) {
      String body = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
      ApiContract.OF_REPO.check("GET", uri.getRawPath(), r.statusCode(), type, body);
      return new Reading(r.statusCode(), type, retryAfter, List.of(), List.of(), body);
    }
    List<Event> events = new ArrayList<>();
    List<Long> retries = new ArrayList<>();
    parse(r.body(), (e, data) -> {
      if (e.name().equals("job") || e.name().equals("end")) {
        ApiContract.OF_REPO.checkComponent("Job", "the stream's " + e.name() + " event", data);
      }
      events.add(e);
    }, retries::add);
    return new Reading(200, type, retryAfter, events, retries, null);
  }

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
    parse(r.body(), (e, data) -> events.add(e), retry -> { });
    return events;
  }

  /**
   * Reads {@code body} to its end, handing each named event (with its raw data) to {@code onEvent}
   * as it completes, and each {@code retry:} to {@code onRetry}: for streams read on a thread of
   * their own as well as to their end.
   */
  static void parse(InputStream body, java.util.function.BiConsumer<Event, String> onEvent,
      java.util.function.LongConsumer onRetry) throws java.io.IOException {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String name = null;
      String id = null;
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isEmpty()) {
          if (name != null) {
            onEvent.accept(new Event(name, JsonParser.parseString(data.toString()).getAsJsonObject(), id),
                data.toString());
          }
          name = null;
          id = null;
          data.setLength(0);
        } else if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        } else if (line.startsWith("id: ")) {
          id = line.substring(4);
        } else if (line.startsWith("retry: ")) {
          onRetry.accept(Long.parseLong(line.substring(7).trim()));
        }
      }
    }
  }
}
