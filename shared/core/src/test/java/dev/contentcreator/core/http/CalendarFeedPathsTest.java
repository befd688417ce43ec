package dev.contentcreator.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CalendarFeedPathsTest {
  private static final String TOKEN = "Abcdefghijklmnopqrstuvwxyz0123456789-_ABCDE";

  @Test
  void aFeedsTokenNeverReachesALogLine() {
    assertEquals("/api/calendar/feed/<redacted>", SecretPaths.redact("/api/calendar/feed/" + TOKEN + ".ics"));
    assertEquals("/api/calendar/feed/<redacted>", SecretPaths.redact("/api/calendar/feed/" + TOKEN));
  }

  @Test
  void onlyAPathWithATokenIsAFeed() {
    assertTrue(SecretPaths.isCalendarFeed("/api/calendar/feed/" + TOKEN));
    assertFalse(SecretPaths.isCalendarFeed("/api/calendar/feed"));
    assertFalse(SecretPaths.isCalendarFeed("/api/calendar/feed/"));
    assertEquals("/api/calendar/feed", SecretPaths.redact("/api/calendar/feed"));
    assertEquals("/api/calendar", SecretPaths.redact("/api/calendar"));
  }
}
