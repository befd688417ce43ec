package dev.contentcreator.core.activity;

import dev.contentcreator.core.domain.Member;
import java.util.Objects;

/**
 * Who did something: a person (uid and the name shown for them then), or the product itself:
 * {@link #SYSTEM} (work the product did on its own) or {@link #SCHEDULE} (a batch's schedule).
 * A person's name may be null when the writer did not know it; the log shows the member's name
 * then, or the uid.
 */
public record Actor(String uid, String name) {
  public static final Actor SYSTEM = new Actor("system", "system");
  public static final Actor SCHEDULE = new Actor("schedule", "schedule");

  public Actor {
    Objects.requireNonNull(uid, "uid");
  }

  public static Actor person(String uid, String name) {
    return new Actor(uid, name);
  }

  public static Actor of(Member m) {
    return new Actor(m.uid(), m.shownName());
  }
}
