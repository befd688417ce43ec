package dev.contentcreator.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstantTextTest {
  @Test
  void theStoredFormIsReadAsTheFormatterReadsIt() {
    for (String text : List.of("2026-11-26T01:02:03.456Z", "1970-01-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z",
        "0001-01-01T00:00:00.001Z", "9999-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z")) {
      assertEquals(Instant.parse(text), Json.parseInstant(text), text);
    }
    Instant now = Instant.now();
    assertEquals(Json.parseInstant(Json.format(now)), Instant.parse(Json.format(now)));
  }

  @Test
  void theStoredFormIsWrittenAsTheFormatterWritesIt() {
    DateTimeFormatter formatter =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    Random random = new Random(7);
    List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999999Z"),
        Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
        Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.now()));
    for (int i = 0; i < 2_000; i++) {
      instants.add(
          Instant.ofEpochSecond(random.nextLong(-62_167_219_300L, 253_402_300_900L), random.nextInt(1_000_000_000)));
    }
    for (Instant at : instants) {
      assertEquals(formatter.format(at.truncatedTo(ChronoUnit.MILLIS)), Json.format(at), at.toString());
    }
  }

  @Test
  void otherFormsStillReadAndNonsenseIsRefusedAsBefore() {
    for (String text : List.of("2026-11-26T01:02:03Z", "2026-11-26T01:02:03.456789Z", "2026-11-26T01:02:03.4Z")) {
      assertEquals(Instant.parse(text), Json.parseInstant(text), text);
    }
    for (String text : List.of("2026-02-29T01:02:03.456Z", "2026-13-01T01:02:03.456Z", "2026-11-26T24:02:03.456Z",
        "2026-11-26T01:60:03.456Z", "2026-11-26T01:02:60.456Z", "2026-1a-26T01:02:03.456Z", "2026-11-26T01:02:03.4a6Z",
        "2026-11-26X01:02:03.456Z", "not an instant", "")) {
      assertThrows(DateTimeParseException.class, () -> Json.parseInstant(text), text);
      assertThrows(DateTimeParseException.class, () -> Instant.parse(text), text);
    }
  }
}
