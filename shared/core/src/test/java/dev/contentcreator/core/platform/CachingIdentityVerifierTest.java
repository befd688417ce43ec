package dev.contentcreator.core.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.contentcreator.core.ports.IdentityVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingIdentityVerifierTest {
  private final AtomicInteger calls = new AtomicInteger();
  private Instant now = Instant.parse("2026-11-26T00:00:00Z");
  private Instant tokenExpiry = now.plus(Duration.ofHours(1));

  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  };

  private final IdentityVerifier provider = new IdentityVerifier() {
    @Override
    public VerifiedIdentity verify(String idToken) throws InvalidTokenException {
      calls.incrementAndGet();
      if (idToken.startsWith("bad")) {
        throw new InvalidTokenException("bad", null);
      }
      return new VerifiedIdentity("u-" + idToken, null, null, null, tokenExpiry);
    }

    @Override
    public VerifiedIdentity verifyFresh(String idToken) throws InvalidTokenException {
      freshCalls.incrementAndGet();
      if (revoked) {
        throw new InvalidTokenException("it has been revoked; sign in again", null);
      }
      return verify(idToken);
    }

    @Override
    public boolean isDisabledFresh(String uid) {
      disabledCalls.incrementAndGet();
      return disabled;
    }

    @Override
    public Optional<VerifiedIdentity> findByEmail(String email) {
      return Optional.empty();
    }

    @Override
    public void warmUp() {
      warmUps.incrementAndGet();
    }
  };
  private final AtomicInteger warmUps = new AtomicInteger();
  private final AtomicInteger freshCalls = new AtomicInteger();
  private final AtomicInteger disabledCalls = new AtomicInteger();
  private boolean disabled;
  private boolean revoked;

  private final CachingIdentityVerifier cache = new CachingIdentityVerifier(provider, clock, Duration.ofSeconds(60), 2);

  @Test
  void aVerifiedTokenIsNotVerifiedAgainWithinTheTtl() throws Exception {
    cache.verify("t1");
    now = now.plusSeconds(59);
    assertEquals("u-t1", cache.verify("t1").uid());
    assertEquals(1, calls.get());
  }

  @Test
  void aTokenIsVerifiedAgainAfterTheTtl() throws Exception {
    cache.verify("t1");
    now = now.plusSeconds(60);
    cache.verify("t1");
    assertEquals(2, calls.get());
  }

  @Test
  void aTokenIsNeverRememberedPastItsExpiry() throws Exception {
    tokenExpiry = now.plusSeconds(10);
    cache.verify("t1");
    now = now.plusSeconds(10);
    cache.verify("t1");
    assertEquals(2, calls.get());
  }

  @Test
  void anInvalidTokenIsAskedAboutEveryTime() {
    assertThrows(IdentityVerifier.InvalidTokenException.class, () -> cache.verify("bad"));
    assertThrows(IdentityVerifier.InvalidTokenException.class, () -> cache.verify("bad"));
    assertEquals(2, calls.get());
  }

  @Test
  void theCacheStaysWithinItsBound() throws Exception {
    cache.verify("t1");
    cache.verify("t2");
    cache.verify("t3");
    cache.verify("t3");
    assertEquals(3, calls.get());
  }

  @Test
  void aFreshCheckNeverAnswersFromTheCache() throws Exception {
    cache.verify("t1");
    cache.verifyFresh("t1");
    cache.verifyFresh("t1");
    assertEquals(2, freshCalls.get());
  }

  @Test
  void aTokenFoundRevokedIsForgottenSoTheCacheNoLongerAnswersForIt() throws Exception {
    cache.verify("t1");
    revoked = true;
    assertThrows(IdentityVerifier.InvalidTokenException.class, () -> cache.verifyFresh("t1"));
    revoked = false;
    cache.verify("t1");
    assertEquals(2, calls.get(), "verified with the provider again, not answered from the cache");
  }

  @Test
  void whetherAnAccountIsDisabledIsAskedOncePerTtlAndAtOnceWhenFresh() {
    assertEquals(false, cache.isDisabled("u1"));
    disabled = true;
    now = now.plusSeconds(59);
    assertEquals(false, cache.isDisabled("u1"), "the answer of the last ttl holds");
    assertEquals(1, disabledCalls.get());
    assertEquals(true, cache.isDisabledFresh("u1"), "a fresh question asks now");
    now = now.plusSeconds(2);
    assertEquals(true, cache.isDisabled("u1"));
    assertEquals(2, disabledCalls.get());
  }

  @Test
  void aWarmUpReachesTheProvider() {
    new CachingIdentityVerifier(provider, clock, Duration.ofMinutes(1), 10).warmUp();

    assertEquals(1, warmUps.get());
    assertEquals(0, calls.get(), "a warm-up verifies nothing");
  }
}
