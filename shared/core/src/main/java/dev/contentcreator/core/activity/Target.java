package dev.contentcreator.core.activity;

import dev.contentcreator.core.domain.ContentItem;
import dev.contentcreator.core.domain.Member;
import java.util.Objects;

/**
 * What a record is about: its type ({@code content}, {@code member}, {@code invitation},
 * {@code batch}, {@code job}, {@code project}, or a type a later feature adds), its id and a title
 * as it was then (a content item's title, a member's name, an invited address). {@code contentId}
 * names the content item the record concerns, if any, so the log filters by item even for records
 * whose target is something on an item (a comment, later).
 */
public record Target(String type, String id, String title, String contentId) {
  public Target {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    if (!type.matches("[a-z][a-z_]{0,31}")) {
      throw new IllegalArgumentException("a target type is a short lower-case word, got: " + type);
    }
  }

  public static Target content(ContentItem c) {
    return new Target("content", c.id(), c.title(), c.id());
  }

  public static Target content(String id, String title) {
    return new Target("content", id, title, id);
  }

  public static Target member(Member m) {
    return new Target("member", m.uid(), m.shownName(), null);
  }

  /**
   * An invitation, titled by its address with the local part cut to its first character
   * ({@code c…@example.com}): every member reads the log, while only owners see whom the project
   * invited (the invitations list), and the person's name shows once they join.
   */
  public static Target invitation(String id, String email) {
    int at = email == null ? -1 : email.lastIndexOf('@');
    String shown = at <= 0 ? "…" : email.substring(0, email.offsetByCodePoints(0, 1)) + "…" + email.substring(at);
    return new Target("invitation", id, shown, null);
  }

  public static Target of(String type, String id, String title) {
    return new Target(type, id, title, null);
  }
}
