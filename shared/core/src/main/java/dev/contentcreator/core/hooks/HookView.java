package dev.contentcreator.core.hooks;

import java.time.Instant;
import java.util.List;

/** A hook as its owners see it: never its secrets. {@code previousSecretUntil}: the old secret still signs until then. */
public record HookView(
    String id,
    String projectId,
    String url,
    List<String> events,
    String description,
    boolean enabled,
    String disabledReason,
    int failureStreak,
    Instant previousSecretUntil,
    Instant createdAt,
    Instant updatedAt) {

  static HookView of(Hook h, Instant now) {
    Instant until = h.previousSecretUntil() != null && now.isBefore(h.previousSecretUntil())
        ? h.previousSecretUntil() : null;
    return new HookView(h.id(), h.projectId(), h.url(), h.events(), h.description(), h.enabled(), h.disabledReason(),
        h.failureStreak(), until, h.createdAt(), h.updatedAt());
  }
}
