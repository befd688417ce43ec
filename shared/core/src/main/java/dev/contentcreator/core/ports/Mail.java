package dev.contentcreator.core.ports;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One e-mail message to one address: a plain-text body, and an HTML one when there is one.
 * {@code id} names the message (letters, digits, - and _): the outbox files it under that name and
 * adapters put it in the Message-ID, so a retried send of the same message is recognisable.
 * Header values may not hold line breaks (no header injection).
 */
public record Mail(String id, String to, String subject, String text, String html) {
  /** A single address without display name: enough for what the product sends. */
  private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>()\",;:\\\\\\[\\]]{1,64}@[A-Za-z0-9.-]{1,253}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,90}");

  public Mail {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a mail id is 1 to 90 letters, digits, - or _, got: " + id);
    }
    if (!ADDRESS.matcher(to).matches()) {
      throw new IllegalArgumentException("not a single e-mail address: " + to);
    }
    if (subject.isBlank() || subject.length() > 250 || subject.chars().anyMatch(c -> c == '\r' || c == '\n')) {
      throw new IllegalArgumentException("a subject is 1 to 250 characters on one line");
    }
  }

  /** A message with a plain-text body only. */
  public static Mail text(String id, String to, String subject, String text) {
    return new Mail(id, to, subject, text, null);
  }
}
