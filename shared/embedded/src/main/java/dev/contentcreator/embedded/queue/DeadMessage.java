package dev.contentcreator.embedded.queue;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Map;

/**
 * A message one subscription gave up on after its maximum delivery attempts; a copy went to the
 * subscription's dead-letter topic.
 */
public record DeadMessage(String id, String topic, String handlerName, JsonObject data,
    Map<String, String> attributes, int deliveryAttempts, String lastError, Instant deadAt) {}
