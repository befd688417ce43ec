package dev.contentcreator.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDurationTest {

  private static Duration read(String value) {
    return Config.of(Map.of("D", value)).getDuration("D", Duration.ofSeconds(-1));
  }

  @Test
  void generationCacheTtlOfSevenDaysAsTheReadmeDocumentsItParses() {
    Config config = Config.of(Map.of("GENERATION_CACHE_TTL", "7d"));
    assertEquals(Duration.ofDays(7), config.getDuration("GENERATION_CACHE_TTL", Duration.ZERO));
  }

  @Test
  void aBareZeroIsNoTime() {
    assertEquals(Duration.ZERO, read("0"));
  }

  @Test
  void everyUnitReads() {
    assertEquals(Duration.ofMillis(500), read("500ms"));
    assertEquals(Duration.ofSeconds(30), read("30s"));
    assertEquals(Duration.ofMinutes(5), read("5m"));
    assertEquals(Duration.ofHours(2), read("2h"));
    assertEquals(Duration.ofDays(2), read("2d"));
    assertEquals(Duration.ofSeconds(90), read("PT1M30S"));
  }

  @Test
  void anUnreadableDurationNamesTheSetting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Config.of(Map.of("GENERATION_CACHE_TTL", "7 days")).getDuration("GENERATION_CACHE_TTL", Duration.ZERO));
    assertEquals("setting GENERATION_CACHE_TTL has a value that cannot be read: 7 days", e.getMessage());
  }
}
