package dev.contentcreator.core.budgets;

import java.time.Instant;
import java.util.Map;

/**
 * A project's spending limits per calendar month (UTC), in millionths of a dollar, set by its owners:
 * {@code monthlyMicros} for the whole project and {@code memberCapMicros} for each member, unless
 * {@code memberCaps} names another cap for a member (0 anywhere: no limit). {@code warnedPeriod}
 * is the month whose 80% warning was already sent to the owners, so it goes out once a month.
 * Stored as {@code budgets/<projectId>}; a project without one has no limits.
 */
public record Budget(String projectId, long monthlyMicros, long memberCapMicros, Map<String, Long> memberCaps,
    String warnedPeriod, long version, Instant updatedAt, String updatedBy) {
  public static final String COLLECTION = "budgets";
  /** The share of a limit at which its warning starts, in percent. */
  public static final int WARN_PERCENT = 80;

  public Budget {
    memberCaps = memberCaps == null ? Map.of() : Map.copyOf(memberCaps);
  }

  public static Budget none(String projectId) {
    return new Budget(projectId, 0, 0, Map.of(), null, 0, null, null);
  }

  /** The cap of one member: their own, else the project's cap per member; 0 for none. */
  public long capOf(String uid) {
    Long own = memberCaps.get(uid);
    return own != null ? own : memberCapMicros;
  }

  public boolean limitsAnything() {
    return monthlyMicros > 0 || memberCapMicros > 0 || memberCaps.values().stream().anyMatch(v -> v > 0);
  }

  public Budget warned(String period) {
    return new Budget(projectId, monthlyMicros, memberCapMicros, memberCaps, period, version, updatedAt, updatedBy);
  }
}
