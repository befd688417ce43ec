package dev.contentcreator.core.ports;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Map;

/**
 * Receives the events of one subscription. Returning normally acknowledges the event; throwing
 * makes it be delivered again later. Must be idempotent: an event may arrive more than once.
 */
@FunctionalInterface
public interface EventHandler {

  void handle(Event event) throws Exception;

  /** One delivery: {@code deliveryAttempt} counts from 1. */
  record Event(String id, String topic, JsonObject data, Map<String, String> attributes, Instant publishTime,
      int deliveryAttempt) {}
}
