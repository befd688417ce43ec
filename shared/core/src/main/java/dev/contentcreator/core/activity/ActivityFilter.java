package dev.contentcreator.core.activity;

import java.time.Instant;

/**
 * Which records of a project's log to list: each part is null for "any". {@code since} is
 * inclusive, {@code until} exclusive.
 */
public record ActivityFilter(ActivityAction action, String actorUid, String contentId, Instant since, Instant until) {
  public static final ActivityFilter ALL = new ActivityFilter(null, null, null, null, null);

  public ActivityFilter {
    if (since != null && until != null && !since.isBefore(until)) {
      throw new IllegalArgumentException("since must come before until");
    }
  }
}
