package dev.contentcreator.core.ports;

import com.google.gson.JsonObject;
import java.util.Map;

/**
 * The events port: messages published to a topic and pushed at least once to its subscriber,
 * retried with backoff while the subscriber fails, and moved to the topic's dead-letter topic
 * after the subscription's maximum delivery attempts. Adapters: Pub/Sub in production (push to a
 * CloudEventsFunction); on one machine a durable queue in the SQLite file. Every adapter passes
 * {@code EventBusContract}.
 */
public interface EventBus {

  /** Publishes and returns the message id. The message is stored before this returns. */
  String publish(String topic, JsonObject data, Map<String, String> attributes);
}
