package dev.contentcreator.core.ports.ai;

import java.time.Duration;
import java.util.Optional;

/**
 * The resilience around provider calls (timeout, retry with backoff and jitter honouring
 * Retry-After, a circuit breaker per provider, a bulkhead), implemented with Failsafe in
 * {@code shared/ai}. {@link #DIRECT} calls straight through, for tests of other parts.
 */
public interface ProviderPolicy {

  ProviderPolicy DIRECT = new ProviderPolicy() {
    @Override
    public <T> T call(String provider, Call<T> call) throws ProviderException {
      return call.run();
    }

    @Override
    public Optional<Duration> openFor(String provider) {
      return Optional.empty();
    }
  };

  <T> T call(String provider, Call<T> call) throws ProviderException;

  /** How long the provider's circuit stays open, if it is open now. */
  Optional<Duration> openFor(String provider);

  /** One provider call. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws ProviderException;
  }
}
