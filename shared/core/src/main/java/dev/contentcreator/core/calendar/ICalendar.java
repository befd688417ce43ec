package dev.contentcreator.core.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Writes an iCalendar (RFC 5545) object of events: lines end in CRLF, are folded so that no line
 * is longer than 75 octets of UTF-8 (a continuation starts with one space and never splits a
 * character), text values escape backslash, semicolon, comma and line breaks, and every time is in
 * UTC ({@code 20261201T090000Z}).
 */
public final class ICalendar {
  /** The media type of the answer. */
  public static final String CONTENT_TYPE = "text/calendar; charset=utf-8";
  static final int MAX_OCTETS = 75;
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private ICalendar() {}

  /** One VEVENT. {@code description} and {@code url} may be null. */
  public record Event(String uid, Instant start, Duration duration, String summary, String description, String url) {
    public Event {
      Objects.requireNonNull(uid, "uid");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(summary, "summary");
      if (duration.isNegative()) {
        throw new IllegalArgumentException("duration must not be negative, got: " + duration);
      }
    }
  }

  /** The calendar named {@code name}, its events stamped {@code stamp} (DTSTAMP: when this copy was made). */
  public static String write(String name, Instant stamp, List<Event> events) {
    StringBuilder out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Content Creator//Calendar//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:" + text(name));
    for (Event e : events) {
      line(out, "BEGIN:VEVENT");
      line(out, "UID:" + text(e.uid()));
      line(out, "DTSTAMP:" + time(stamp));
      line(out, "DTSTART:" + time(e.start()));
      line(out, "DTEND:" + time(e.start().plus(e.duration())));
      line(out, "SUMMARY:" + text(e.summary()));
      if (e.description() != null) {
        line(out, "DESCRIPTION:" + text(e.description()));
      }
      if (e.url() != null) {
        line(out, "URL:" + uri(e.url()));
      }
      line(out, "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  /** A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, every line break as {@code \n}. */
  static String text(String value) {
    StringBuilder b = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case ';' -> b.append("\\;");
        case ',' -> b.append("\\,");
        case '\r' -> {
          b.append("\\n");
          if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\n' -> b.append("\\n");
        default -> {
          // Other control characters are not allowed in a TEXT value at all.
          if (c >= 0x20 && c != 0x7f || c == '\t') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static String uri(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c == 0x7f || c == '"') {
        throw new IllegalArgumentException("not an address to write as a URI value: " + value);
      }
    }
    return value;
  }

  static String time(Instant t) {
    return UTC.format(t.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * Appends a content line, folded (RFC 5545 3.1): at most 75 octets a line, CRLF, each
   * continuation started by a space, which counts among its 75; a character's UTF-8 bytes stay on
   * one line (surrogate pairs too).
   */
  static void line(StringBuilder out, String content) {
    int octets = 0;
    int i = 0;
    while (i < content.length()) {
      int cp = content.codePointAt(i);
      int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + n > MAX_OCTETS) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(cp);
      octets += n;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }
}
