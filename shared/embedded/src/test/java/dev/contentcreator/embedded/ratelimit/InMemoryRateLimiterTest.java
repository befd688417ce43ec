package dev.contentcreator.embedded.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.core.ports.RateLimiter.Limit;
import dev.contentcreator.testkit.RateLimiterContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest extends RateLimiterContract {
  private final ManualTimeMeter clock = new ManualTimeMeter();

  @Override
  protected RateLimiter newLimiter() {
    return InMemoryRateLimiter.builder().timeMeter(clock).build();
  }

  @Override
  protected void advance(Duration duration) {
    clock.advance(duration);
  }

  @Test
  void fullBucketsAreDroppedAtTheNextSweep() {
    InMemoryRateLimiter limiter = InMemoryRateLimiter.builder()
        .timeMeter(clock).sweepInterval(Duration.ofMinutes(1)).build();
    Limit limit = new Limit(5, Duration.ofSeconds(30));
    for (int i = 0; i < 100; i++) {
      limiter.tryAcquire("idle-" + i, limit);
    }
    assertEquals(100, limiter.size());
    clock.advance(Duration.ofMinutes(1));
    limiter.tryAcquire("fresh", limit);
    assertEquals(1, limiter.size(), "only the bucket of the latest call is left");
  }

  @Test
  void bucketsThatAreNotFullSurviveTheSweep() {
    InMemoryRateLimiter limiter = InMemoryRateLimiter.builder()
        .timeMeter(clock).sweepInterval(Duration.ofMinutes(1)).build();
    Limit twoAnHour = new Limit(2, Duration.ofHours(1));
    limiter.tryAcquire("busy", twoAnHour);
    limiter.tryAcquire("busy", twoAnHour);
    clock.advance(Duration.ofMinutes(2));
    limiter.tryAcquire("other", twoAnHour);
    assertEquals(2, limiter.size(), "the empty bucket must be kept");
    assertFalse(limiter.tryAcquire("busy", twoAnHour).allowed(), "eviction must not hand out tokens");
  }

  @Test
  void noSweepBeforeTheIntervalWhileTheMapIsSmall() {
    InMemoryRateLimiter limiter = InMemoryRateLimiter.builder()
        .timeMeter(clock).sweepInterval(Duration.ofMinutes(1)).build();
    Limit limit = new Limit(5, Duration.ofSeconds(1));
    for (int i = 0; i < 10; i++) {
      limiter.tryAcquire("k-" + i, limit);
    }
    clock.advance(Duration.ofSeconds(30));
    limiter.tryAcquire("fresh", limit);
    assertEquals(11, limiter.size());
  }

  @Test
  void aMapThatDoublesIsSweptBeforeTheInterval() {
    InMemoryRateLimiter limiter = InMemoryRateLimiter.builder()
        .timeMeter(clock).sweepInterval(Duration.ofDays(1)).build();
    Limit limit = new Limit(5, Duration.ofSeconds(1));
    for (int i = 0; i < 2000; i++) {
      limiter.tryAcquire("k-" + i, limit);
      clock.advance(Duration.ofMillis(1));
    }
    assertTrue(limiter.size() < 2000, "a sweep must have run once the map passed its threshold: " + limiter.size());
  }

  @Test
  void sameKeyWithAnotherLimitUsesAnotherBucket() {
    RateLimiter limiter = newLimiter();
    Limit one = new Limit(1, Duration.ofMinutes(1));
    Limit two = new Limit(2, Duration.ofMinutes(1));
    assertTrue(limiter.tryAcquire("k", one).allowed());
    assertFalse(limiter.tryAcquire("k", one).allowed());
    assertEquals(1, limiter.tryAcquire("k", two).remaining());
  }

  @Test
  void sweepIntervalMustBePositive() {
    var builder = InMemoryRateLimiter.builder();
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> builder.sweepInterval(Duration.ZERO));
    assertTrue(e.getMessage().contains("sweepInterval"), e.getMessage());
  }
}
