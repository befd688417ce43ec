package dev.contentcreator.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.contentcreator.core.ports.RateLimiter.Decision;
import dev.contentcreator.core.ports.RateLimiter.Limit;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
  @Test
  void waitsAreRoundedUpToWholeMilliseconds() {
    assertEquals(Duration.ofMillis(2), TokenBuckets.roundUpToMillis(1_000_001));
    assertEquals(Duration.ofMillis(1), TokenBuckets.roundUpToMillis(1_000_000));
    assertEquals(Duration.ZERO, TokenBuckets.roundUpToMillis(0));
  }

  @Test
  void aRefusalNeverSaysRetryAfterZero() {
    Decision d = TokenBuckets.decision(new Limit(5, Duration.ofMinutes(1)), ConsumptionProbe.rejected(0, 0, 0));
    assertFalse(d.allowed());
    assertEquals(Duration.ofMillis(1), d.retryAfter());
  }
}
