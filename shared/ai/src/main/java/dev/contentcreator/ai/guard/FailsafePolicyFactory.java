package dev.contentcreator.ai.guard;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * The provider policies of a process, on {@link ProviderGuard}, named {@code failsafe}. Settings:
 * {@code GUARD_ATTEMPTS} (3 tries within one task), {@code GUARD_MIN_BACKOFF} (500ms),
 * {@code GUARD_MAX_BACKOFF} (30s), {@code GUARD_TIMEOUT} (120s per try); the breaker opens when
 * {@code GUARD_BREAKER_FAILURE_RATE} (50) percent of at least {@code GUARD_BREAKER_MIN_CALLS} (10)
 * tries within {@code GUARD_BREAKER_WINDOW} (60s) failed, so a provider failing now and then keeps
 * working (0 switches to counting: {@code GUARD_BREAKER_FAILURES}, 5, in the window);
 * {@code GUARD_BREAKER_DELAY} (30s open),
 * {@code GUARD_BREAKER_SUCCESSES} (2 to close), {@code GUARD_BULKHEAD} (the generation concurrency,
 * 32, calls at once per provider).
 */
public final class FailsafePolicyFactory implements PortFactory<ProviderPolicy> {

  @Override
  public Class<ProviderPolicy> port() {
    return ProviderPolicy.class;
  }

  @Override
  public String name() {
    return "failsafe";
  }

  @Override
  public ProviderPolicy create(Config c) {
    ProviderGuardBuilder builder = ProviderGuard.builder()
        .maxAttempts(c.getInt("GUARD_ATTEMPTS", 3))
        .backoff(c.getDuration("GUARD_MIN_BACKOFF", Duration.ofMillis(500)),
            c.getDuration("GUARD_MAX_BACKOFF", Duration.ofSeconds(30)))
        .timeout(c.getDuration("GUARD_TIMEOUT", Duration.ofSeconds(120)))
        .breaker(c.getInt("GUARD_BREAKER_FAILURES", 5), c.getDuration("GUARD_BREAKER_WINDOW", Duration.ofSeconds(60)),
            c.getDuration("GUARD_BREAKER_DELAY", Duration.ofSeconds(30)), c.getInt("GUARD_BREAKER_SUCCESSES", 2))
        .bulkhead(c.getInt("GUARD_BULKHEAD", c.getInt("GENERATION_CONCURRENCY", 32)), Duration.ofSeconds(5));
    int rate = c.getInt("GUARD_BREAKER_FAILURE_RATE", 50);
    if (rate > 0) {
      builder.breakerFailureRate(rate, c.getInt("GUARD_BREAKER_MIN_CALLS", 10));
    }
    ProviderGuard guard = builder.build();
    return new ProviderPolicy() {
      @Override
      public <T> T call(String provider, Call<T> call) throws ProviderException {
        return guard.call(provider, call::run);
      }

      @Override
      public Optional<Duration> openFor(String provider) {
        return guard.openFor(provider);
      }
    };
  }
}
