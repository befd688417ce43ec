package dev.contentcreator.ai.guard;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * The provider policies of a process, on {@link ProviderGuard}, named {@code failsafe}. Settings:
 * {@code GUARD_ATTEMPTS} (1 try within one task: the generation queue's retries wait with the slot
 * free, where tries within the task would hold it), {@code GUARD_MIN_BACKOFF} (500ms),
 * {@code GUARD_MAX_BACKOFF} (30s), {@code GUARD_TIMEOUT} (120s per try); the breaker opens when
 * {@code GUARD_BREAKER_FAILURE_RATE} (50) percent of at least {@code GUARD_BREAKER_MIN_CALLS} (20)
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
        .maxAttempts(c.get(Settings.GUARD_ATTEMPTS))
        .backoff(c.get(Settings.GUARD_MIN_BACKOFF),
            c.get(Settings.GUARD_MAX_BACKOFF))
        .timeout(c.get(Settings.GUARD_TIMEOUT))
        .breaker(c.get(Settings.GUARD_BREAKER_FAILURES), c.get(Settings.GUARD_BREAKER_WINDOW),
            c.get(Settings.GUARD_BREAKER_DELAY), c.get(Settings.GUARD_BREAKER_SUCCESSES))
        .bulkhead(c.find(Settings.GUARD_BULKHEAD).orElseGet(() -> c.get(Settings.GENERATION_CONCURRENCY)), Duration.ofSeconds(5));
    int rate = c.get(Settings.GUARD_BREAKER_FAILURE_RATE);
    if (rate > 0) {
      builder.breakerFailureRate(rate, c.get(Settings.GUARD_BREAKER_MIN_CALLS));
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
