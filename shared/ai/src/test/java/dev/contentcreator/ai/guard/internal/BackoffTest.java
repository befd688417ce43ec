package dev.contentcreator.ai.guard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), 0.5);

  @Test
  void lowestRandomShortensTheDelayByTheJitterFactor() {
    assertEquals(Duration.ofMillis(100), backoff.delay(2, null, 0.0));
  }

  @Test
  void middleRandomKeepsTheExponentialDelay() {
    assertEquals(Duration.ofMillis(400), backoff.delay(3, null, 0.5));
  }

  @Test
  void highRandomLengthensTheDelayByUpToTheJitterFactor() {
    assertEquals(Duration.ofMillis(125), backoff.delay(1, null, 0.75));
  }

  @Test
  void jitterNeverShortensRetryAfter() {
    assertEquals(Duration.ofSeconds(3), backoff.delay(1, Duration.ofSeconds(3), 0.0));
  }

  @Test
  void jitterMayLengthenRetryAfter() {
    assertEquals(Duration.ofMillis(2500), backoff.delay(1, Duration.ofSeconds(2), 0.5));
  }

  @Test
  void manyFailuresStayAtTheMaximum() {
    assertEquals(Duration.ofSeconds(10), backoff.delay(1_000, null, 0.5));
  }

  @Test
  void randomOutsideZeroToOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> backoff.delay(1, null, 1.0));
  }
}
