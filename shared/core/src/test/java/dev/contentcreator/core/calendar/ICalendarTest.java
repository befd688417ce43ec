package dev.contentcreator.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ICalendarTest {
  private static final Instant STAMP = Instant.parse("2026-11-30T12:00:00Z");

  private static String golden() throws IOException {
    try (InputStream in = ICalendarTest.class.getResourceAsStream("/calendar/golden.ics")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void writesTheEventsAsTheGoldenFileEscapedFoldedAndInUtc() throws IOException {
    String ics = ICalendar.write("Content Creator", STAMP, List.of(
        new ICalendar.Event("batch-b1-1796115600@contentcreator", Instant.parse("2026-12-01T10:00:00+01:00"),
            Duration.ofMinutes(30), "Batch: Weekly posts, Monday; morning \\ edition",
            "Project: Launch\nStatus: scheduled", "http://127.0.0.1:8080/projects/p1/batches/b1"),
        new ICalendar.Event("batchrun-r1@contentcreator", Instant.parse("2026-11-29T08:00:00.750Z"),
            Duration.ofMinutes(30), "Batch: " + "é".repeat(40), null, null)));
    assertEquals(golden(), ics);
  }

  @Test
  void noLineIsLongerThan75OctetsAndUnfoldingGivesTheValueBack() {
    String summary = "A long title with emoji \uD83D\uDE00 and accents àéîõü ".repeat(12);
    String ics = ICalendar.write("x", STAMP, List.of(new ICalendar.Event("u", STAMP, Duration.ZERO, summary, null, null)));
    assertTrue(ics.endsWith("\r\n"));
    for (String line : ics.split("\r\n")) {
      assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
      assertTrue(!line.contains("\n") && !line.contains("\r"), "a bare line break inside: " + line);
    }
    String unfolded = ics.replace("\r\n ", "");
    assertTrue(unfolded.contains("SUMMARY:" + ICalendar.text(summary) + "\r\n"), unfolded);
    // The emoji (a surrogate pair, four octets) is never cut in two.
    assertTrue(new String(ics.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(ics));
  }

  @Test
  void textEscapesBackslashSemicolonCommaAndEveryLineBreak() {
    assertEquals("a\\\\b\\;c\\,d\\ne\\nf\\ng", ICalendar.text("a\\b;c,d\r\ne\nf\rg"));
    assertEquals("bell gone", ICalendar.text("bell\u0007 gone"));
  }

  @Test
  void refusesAnAddressWithSpacesOrQuotes() {
    assertThrows(IllegalArgumentException.class, () -> ICalendar.write("x", STAMP,
        List.of(new ICalendar.Event("u", STAMP, Duration.ZERO, "s", null, "http://a/ b"))));
  }
}
