package dev.contentcreator.ai.guard;

import dev.contentcreator.core.ports.ai.ProviderException;
import java.time.Duration;
import java.util.Optional;

/**
 * Guards calls to AI providers, per provider name, with Failsafe policies. From the outside in:
 * <ol>
 *   <li>a bulkhead: at most so many calls to one provider at a time, waiting a little for a slot;</li>
 *   <li>retries with exponential backoff and jitter, only for {@linkplain ProviderException#retryable()
 *       retryable} failures and timeouts, waiting at least the provider's Retry-After (capped by the
 *       maximum backoff);</li>
 *   <li>a circuit breaker per provider, which counts every attempt: only retryable failures and
 *       timeouts count as failures, so a bad request, a refusal or an empty quota never opens it; an
 *       open circuit also ends the retries of a call in progress;</li>
 *   <li>a timeout per attempt, which interrupts the attempt.</li>
 * </ol>
 * Instances are immutable and thread-safe; one guard serves a whole process.
 */
public interface ProviderGuard {

  /** A builder with the defaults listed on {@link ProviderGuardBuilder}. */
  static ProviderGuardBuilder builder() {
    return new ProviderGuardBuilder();
  }

  /**
   * Runs {@code call} under the provider's policies and returns its result. Throws the call's own
   * {@link ProviderException} when it is not retryable or retries are used up; an open circuit or a
   * full bulkhead becomes {@link ProviderException.Kind#RATE_LIMITED} (with the circuit's remaining
   * open delay as Retry-After), a timeout becomes {@link ProviderException.Kind#TIMEOUT}. Unchecked
   * exceptions from the call pass through unchanged.
   */
  <T> T call(String provider, CheckedSupplier<T> call) throws ProviderException;

  /**
   * The provider's circuit now. A provider never called is {@code CLOSED}; an open circuit whose
   * delay has passed is {@code HALF_OPEN}, since the next call is let through as a trial.
   */
  CircuitState state(String provider);

  /**
   * How long the provider's circuit stays open, when it is open: what an API answers new requests
   * with, as a 503 with Retry-After. Empty when calls can go through.
   */
  Optional<Duration> openFor(String provider);
}
