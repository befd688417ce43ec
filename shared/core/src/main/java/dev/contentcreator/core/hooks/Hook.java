package dev.contentcreator.core.hooks;

import java.time.Instant;
import java.util.List;

/**
 * One outbound webhook of a project, as stored in {@code hooks} (server-only: it holds secrets).
 * {@code secret} signs every message; after a rotation {@code previousSecret} signs them too until
 * {@code previousSecretUntil}. {@code failureStreak} counts deliveries in a row that gave up; at
 * the settings' limit the hook is switched off ({@code enabled} false, {@code disabledReason} set).
 */
public record Hook(
    String id,
    String projectId,
    String url,
    List<String> events,
    String description,
    boolean enabled,
    String disabledReason,
    String secret,
    String previousSecret,
    Instant previousSecretUntil,
    int failureStreak,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  public Hook {
    events = events == null ? List.of() : List.copyOf(events);
  }

  /** The secrets that sign a message sent at {@code now}: the current one, and the previous one in its grace. */
  public List<String> signingSecrets(Instant now) {
    return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
        ? List.of(secret, previousSecret) : List.of(secret);
  }

  public boolean wants(String type) {
    return enabled && events.contains(type);
  }

  Hook with(String url, List<String> events, String description, boolean enabled, String disabledReason,
      int failureStreak, Instant now) {
    return new Hook(id, projectId, url, events, description, enabled, disabledReason, secret, previousSecret,
        previousSecretUntil, failureStreak, createdBy, createdAt, now);
  }

  Hook rotated(String newSecret, Instant graceUntil, Instant now) {
    return new Hook(id, projectId, url, events, description, enabled, disabledReason, newSecret, secret, graceUntil,
        failureStreak, createdBy, createdAt, now);
  }
}
