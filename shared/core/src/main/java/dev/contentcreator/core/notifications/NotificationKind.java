package dev.contentcreator.core.notifications;

import java.util.Locale;
import java.util.Optional;

/**
 * What a notification is about. Each kind says whether it also goes out by e-mail: a mention, a
 * reply to a thread one is in, a review request and a change of review status do; a comment on an
 * item one created stays in the inbox; an invitation's e-mail is the invitation itself (it carries
 * the accept link to the invited address), so its inbox entry sends none.
 */
public enum NotificationKind {
  MENTION(true),
  REPLY(true),
  COMMENT(false),
  REVIEW_REQUEST(true),
  STATUS_CHANGE(true),
  INVITATION(false),
  /** A project passed 80% of its monthly budget: once a month, to its owners, in the inbox only. */
  BUDGET(false);

  private final boolean emails;

  NotificationKind(boolean emails) {
    this.emails = emails;
  }

  /** Whether a notification of this kind is also e-mailed to its recipient. */
  public boolean emails() {
    return emails;
  }

  /** The name the API and the documents use: {@code review_request}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<NotificationKind> parse(String s) {
    for (NotificationKind k : values()) {
      if (k.wireName().equals(s)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
