package dev.contentcreator.functions.fanout;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.EventHandler;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a Pub/Sub message, as Eventarc delivers it ({@code google.cloud.pubsub.topic.v1.messagePublished},
 * data {@code {"message": {"data": base64, "attributes", "messageId", "publishTime"}, "subscription"}}),
 * into the {@link EventHandler.Event} the local event bus would deliver, and hands it to the same
 * handler. Returning acknowledges; a handler's exception is rethrown so the message comes again.
 * A malformed message is logged and acknowledged: redelivering it could never help. A message
 * older than the maximum age is dropped with one log line.
 */
final class PubSubEvents {
  static final String MESSAGE_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";

  private final EventHandler handler;
  private final Duration maxAge;
  private final Clock clock;

  PubSubEvents(EventHandler handler, Duration maxAge, Clock clock) {
    this.handler = Objects.requireNonNull(handler, "handler");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("EVENT_MAX_AGE must be positive, got: " + maxAge);
    }
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Delivers the event to the handler, or drops it; throws only what the handler throws. */
  void accept(CloudEvent cloudEvent) throws Exception {
    Optional<EventHandler.Event> decoded;
    try {
      decoded = decode(cloudEvent);
    } catch (MalformedException e) {
      Log.warning("dropped malformed Pub/Sub event " + cloudEvent.getId() + ": " + e.getMessage());
      return;
    }
    if (decoded.isEmpty()) {
      return;
    }
    EventHandler.Event event = decoded.get();
    Instant published = event.publishTime();
    if (published != null && published.plus(maxAge).isBefore(clock.instant())) {
      Log.warning("dropped Pub/Sub message " + event.id() + " published at " + published
          + ": older than " + maxAge + "; the scheduler's jobs:sweep fans out its job if it is still queued");
      return;
    }
    handler.handle(event);
  }

  /** The event, or empty (logged) for an event of another type; throws for a malformed one. */
  static Optional<EventHandler.Event> decode(CloudEvent cloudEvent) throws MalformedException {
    if (!MESSAGE_PUBLISHED.equals(cloudEvent.getType())) {
      Log.info("ignored event " + cloudEvent.getId() + " of type " + cloudEvent.getType());
      return Optional.empty();
    }
    if (cloudEvent.getData() == null) {
      throw new MalformedException("it has no data");
    }
    JsonObject envelope = object(new String(cloudEvent.getData().toBytes(), StandardCharsets.UTF_8), "the envelope");
    JsonElement m = envelope.get("message");
    if (m == null || !m.isJsonObject()) {
      throw new MalformedException("it has no message");
    }
    JsonObject message = m.getAsJsonObject();
    String id = string(message, "messageId").or(() -> string(message, "message_id")).orElse(cloudEvent.getId());
    if (id == null || id.isBlank()) {
      throw new MalformedException("the message has no id");
    }
    Instant publishTime = string(message, "publishTime").or(() -> string(message, "publish_time"))
        .map(PubSubEvents::instant)
        .orElseGet(() -> cloudEvent.getTime() == null ? null : cloudEvent.getTime().toInstant());
    String data = string(message, "data").orElseThrow(() -> new MalformedException("the message has no data"));
    String json;
    try {
      json = new String(Base64.getDecoder().decode(data.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new MalformedException("the message's data is not base64");
    }
    JsonObject payload = object(json, "the message's data");
    Map<String, String> attributes = new LinkedHashMap<>();
    JsonElement attrs = message.get("attributes");
    if (attrs != null && attrs.isJsonObject()) {
      attrs.getAsJsonObject().entrySet().forEach(e -> {
        if (e.getValue().isJsonPrimitive()) {
          attributes.put(e.getKey(), e.getValue().getAsString());
        }
      });
    }
    int attempt = envelope.has("deliveryAttempt") && envelope.get("deliveryAttempt").isJsonPrimitive()
        ? Math.max(1, envelope.get("deliveryAttempt").getAsInt()) : 1;
    return Optional.of(new EventHandler.Event(id, topic(cloudEvent), payload, Map.copyOf(attributes), publishTime,
        attempt));
  }

  /** The topic's short name, from the event's source {@code //pubsub.googleapis.com/projects/p/topics/t}. */
  private static String topic(CloudEvent e) {
    String source = e.getSource() == null ? "" : e.getSource().toString();
    int at = source.lastIndexOf("/topics/");
    return at < 0 ? GenerationSettings.TOPIC : source.substring(at + "/topics/".length());
  }

  private static JsonObject object(String text, String what) throws MalformedException {
    try {
      JsonElement e = JsonParser.parseString(text);
      if (!e.isJsonObject()) {
        throw new MalformedException(what + " is not a JSON object");
      }
      return e.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new MalformedException(what + " is not JSON");
    }
  }

  private static Optional<String> string(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e != null && e.isJsonPrimitive() ? Optional.of(e.getAsString()) : Optional.empty();
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A message that can never be handled, however often it comes. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }
}
