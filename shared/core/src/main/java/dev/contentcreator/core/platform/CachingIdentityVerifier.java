package dev.contentcreator.core.platform;

import dev.contentcreator.core.ports.IdentityVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens that verified, for a short time, so a client's burst of requests costs one
 * verification. This matters where verifying calls the provider: with revocation checks on, and
 * always against the Auth emulator. A token is kept at most {@code ttl} and never past its own
 * expiry; a revoked token is thus refused within {@code ttl} by {@link #verify}, and at once by
 * {@link #verifyFresh}, which never answers from the cache and forgets a token it finds revoked.
 * Only a hash of the token is kept.
 */
public final class CachingIdentityVerifier implements IdentityVerifier {
  private record Entry(VerifiedIdentity identity, Instant until) {}

  private final IdentityVerifier delegate;
  private final Clock clock;
  private final Duration ttl;
  private final int maxEntries;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  /** Whether each account was disabled when last asked, and until when that answer holds. */
  private final Map<String, Disabled> disabled = new ConcurrentHashMap<>();

  private record Disabled(boolean value, Instant until) {}

  public CachingIdentityVerifier(IdentityVerifier delegate, Clock clock, Duration ttl, int maxEntries) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must not be negative, got: " + ttl);
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, got: " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  @Override
  public VerifiedIdentity verify(String idToken) throws InvalidTokenException {
    Instant now = clock.instant();
    String key = hash(idToken);
    Entry hit = entries.get(key);
    if (hit != null) {
      if (now.isBefore(hit.until())) {
        return hit.identity();
      }
      entries.remove(key, hit);
    }
    VerifiedIdentity who = delegate.verify(idToken);
    Instant until = now.plus(ttl);
    if (who.expiresAt() != null && who.expiresAt().isBefore(until)) {
      until = who.expiresAt();
    }
    if (now.isBefore(until)) {
      if (entries.size() >= maxEntries) {
        entries.values().removeIf(e -> !now.isBefore(e.until()));
        if (entries.size() >= maxEntries) {
          entries.clear();
        }
      }
      entries.put(key, new Entry(who, until));
    }
    return who;
  }

  @Override
  public Optional<VerifiedIdentity> recall(String idToken) {
    Entry hit = entries.get(hash(idToken));
    return hit != null && clock.instant().isBefore(hit.until()) ? Optional.of(hit.identity()) : Optional.empty();
  }

  @Override
  public VerifiedIdentity verifyFresh(String idToken) throws InvalidTokenException {
    String key = hash(idToken);
    try {
      return delegate.verifyFresh(idToken);
    } catch (InvalidTokenException e) {
      entries.remove(key);
      throw e;
    }
  }

  /** The provider's answer of the last {@code ttl}, else the provider's answer now. */
  @Override
  public boolean isDisabled(String uid) {
    Disabled hit = disabled.get(uid);
    if (hit != null && clock.instant().isBefore(hit.until())) {
      return hit.value();
    }
    return isDisabledFresh(uid);
  }

  /** Asks the provider now and remembers the answer for {@code ttl}. */
  @Override
  public boolean isDisabledFresh(String uid) {
    boolean value = delegate.isDisabledFresh(uid);
    Instant now = clock.instant();
    if (disabled.size() >= maxEntries) {
      disabled.values().removeIf(d -> !now.isBefore(d.until()));
      if (disabled.size() >= maxEntries) {
        disabled.clear();
      }
    }
    disabled.put(uid, new Disabled(value, now.plus(ttl)));
    return value;
  }

  @Override
  public Optional<VerifiedIdentity> findByEmail(String email) {
    return delegate.findByEmail(email);
  }

  @Override
  public void warmUp() {
    delegate.warmUp();
  }

  private static String hash(String token) {
    try {
      return Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
