package dev.contentcreator.ai.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderGuardBuilderTest {

  @Test
  void maxAttemptsBelowOneIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> ProviderGuard.builder().maxAttempts(0));
    assertEquals("maxAttempts must be at least 1 (the first attempt), got 0", e.getMessage());
  }

  @Test
  void backoffMaximumBelowItsMinimumIsRefused() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> ProviderGuard.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    assertEquals("backoff max (PT1S) must not be less than min (PT2S)", e.getMessage());
  }

  @Test
  void jitterOutsideZeroToOneIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> ProviderGuard.builder().jitter(1.5));
    assertEquals("jitter must be a fraction from 0 to 1, got 1.5", e.getMessage());
  }

  @Test
  void zeroTimeoutIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> ProviderGuard.builder().timeout(Duration.ZERO));
    assertEquals("timeout must be positive, got PT0S", e.getMessage());
  }

  @Test
  void breakerNeedingNoFailuresIsRefused() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> ProviderGuard.builder().breaker(0, Duration.ofMinutes(1), Duration.ofSeconds(30), 1));
    assertEquals("breaker failures must be at least 1, got 0", e.getMessage());
  }

  @Test
  void bulkheadWithoutSlotsIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> ProviderGuard.builder().bulkhead(0, Duration.ZERO));
    assertEquals("bulkhead maxConcurrent must be at least 1, got 0", e.getMessage());
  }

  @Test
  void blankProviderNameIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> ProviderGuard.builder().build().state(" "));
    assertEquals("provider must not be blank", e.getMessage());
  }
}
