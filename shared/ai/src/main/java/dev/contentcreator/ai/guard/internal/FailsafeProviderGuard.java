package dev.contentcreator.ai.guard.internal;

import dev.contentcreator.ai.guard.CheckedSupplier;
import dev.contentcreator.ai.guard.CircuitState;
import dev.contentcreator.ai.guard.GuardListener;
import dev.contentcreator.ai.guard.ProviderGuard;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderException.Kind;
import dev.contentcreator.core.ports.ai.Spoken;
import dev.failsafe.Bulkhead;
import dev.failsafe.BulkheadFullException;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerBuilder;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import dev.failsafe.TimeoutExceededException;
import dev.failsafe.function.CheckedPredicate;
import dev.failsafe.spi.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

/**
 * {@link ProviderGuard} on Failsafe: one bulkhead and one circuit breaker per provider name, made on
 * first use; the retry policy and the timeout hold no state of their own but are made per provider
 * too, so their events carry its name. Provider names come from code, so the set stays small.
 */
public final class FailsafeProviderGuard implements ProviderGuard {
  private final GuardSettings settings;
  private final Backoff backoff;
  private final Scheduler scheduler;
  private final ConcurrentMap<String, Lane> lanes = new ConcurrentHashMap<>();

  /** One provider's policies, and its breaker for questions about its state. */
  private record Lane(CircuitBreaker<Object> breaker, FailsafeExecutor<Object> executor) { }

  public FailsafeProviderGuard(GuardSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.backoff = new Backoff(settings.minBackoff(), settings.maxBackoff(), settings.jitter());
    this.scheduler = settings.scheduler() != null ? settings.scheduler() : DefaultScheduler.get();
  }

  @Override
  public <T> T call(String provider, CheckedSupplier<T> call) throws ProviderException {
    requireProvider(provider);
    Objects.requireNonNull(call, "call must not be null");
    Lane lane = lanes.computeIfAbsent(provider, this::newLane);
    CompletableFuture<T> future = lane.executor().getAsync(call::get);
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ProviderException(Kind.TRANSIENT, provider, "interrupted while calling " + provider,
          displayName(provider) + " was interrupted while answering.", 0, null, e);
    } catch (ExecutionException e) {
      throw translate(provider, lane, e.getCause());
    }
  }

  @Override
  public CircuitState state(String provider) {
    Lane lane = lanes.get(requireProvider(provider));
    if (lane == null) {
      return CircuitState.CLOSED;
    }
    return switch (lane.breaker().getState()) {
      case CLOSED -> CircuitState.CLOSED;
      case HALF_OPEN -> CircuitState.HALF_OPEN;
      case OPEN -> lane.breaker().getRemainingDelay().isZero() ? CircuitState.HALF_OPEN : CircuitState.OPEN;
    };
  }

  @Override
  public Optional<Duration> openFor(String provider) {
    Lane lane = lanes.get(requireProvider(provider));
    if (lane == null || !lane.breaker().isOpen()) {
      return Optional.empty();
    }
    Duration remaining = lane.breaker().getRemainingDelay();
    return remaining.isZero() ? Optional.empty() : Optional.of(remaining);
  }

  private Lane newLane(String provider) {
    GuardListener listener = settings.listener();
    CheckedPredicate<Throwable> worthRetrying = FailsafeProviderGuard::worthRetrying;

    RetryPolicy<Object> retry = RetryPolicy.builder()
        .handleIf(worthRetrying)
        .withMaxAttempts(settings.maxAttempts())
        .withDelayFn(ctx -> backoff.delay(ctx.getAttemptCount(), retryAfterOf(ctx.getLastException()),
            settings.random().getAsDouble()))
        .onRetryScheduled(e -> listener.retryScheduled(provider, e.getAttemptCount(), e.getDelay(),
            e.getLastException()))
        .build();

    CircuitBreakerBuilder<Object> breakerBuilder = CircuitBreaker.builder()
        .handleIf(worthRetrying)
        .withDelay(settings.breakerDelay())
        .withSuccessThreshold(settings.breakerSuccesses())
        .onOpen(e -> listener.circuitChanged(provider, stateOf(e.getPreviousState()), CircuitState.OPEN))
        .onHalfOpen(e -> listener.circuitChanged(provider, stateOf(e.getPreviousState()), CircuitState.HALF_OPEN))
        .onClose(e -> listener.circuitChanged(provider, stateOf(e.getPreviousState()), CircuitState.CLOSED));
    if (settings.breakerFailureRatePercent() > 0) {
      breakerBuilder.withFailureRateThreshold(settings.breakerFailureRatePercent(), settings.breakerMinCalls(),
          settings.breakerWindow());
    } else {
      breakerBuilder.withFailureThreshold(settings.breakerFailures(), settings.breakerWindow());
    }
    CircuitBreaker<Object> breaker = breakerBuilder.build();

    Bulkhead<Object> bulkhead = Bulkhead.builder(settings.maxConcurrent()).withMaxWaitTime(settings.maxWait()).build();
    Timeout<Object> timeout = Timeout.builder(settings.timeout()).withInterrupt().build();

    // Outermost first: the slot is held for the whole call, each attempt passes the breaker, and
    // the timeout bounds one attempt.
    return new Lane(breaker, Failsafe.with(bulkhead, retry, breaker, timeout).with(scheduler));
  }

  /** Retryable provider failures and timeouts: what is retried, and what the breaker counts. */
  private static boolean worthRetrying(Throwable failure) {
    return failure instanceof ProviderException pe ? pe.retryable() : failure instanceof TimeoutExceededException;
  }

  private static Duration retryAfterOf(Throwable failure) {
    return failure instanceof ProviderException pe ? pe.retryAfter() : null;
  }

  private ProviderException translate(String provider, Lane lane, Throwable failure) {
    if (failure instanceof ProviderException pe) {
      return pe;
    }
    String name = displayName(provider);
    if (failure instanceof CircuitBreakerOpenException) {
      Duration wait = lane.breaker().getRemainingDelay();
      if (wait.isZero()) {
        // Half-open with its trial calls already taken: come back soon.
        wait = settings.minBackoff();
      }
      return new ProviderException(Kind.RATE_LIMITED, provider,
          "circuit open for " + provider + "; retry after " + wait,
          name + " is failing right now: calls to it are paused for " + Spoken.duration(wait) + ".", 0, wait, failure);
    }
    if (failure instanceof BulkheadFullException) {
      return new ProviderException(Kind.RATE_LIMITED, provider,
          "no free slot for " + provider + " within " + settings.maxWait() + " (" + settings.maxConcurrent()
              + " calls at a time)",
          name + " is busy right now: all " + settings.maxConcurrent() + " of its call slots stayed taken for "
              + Spoken.duration(settings.maxWait()) + ".", 0, null, failure);
    }
    if (failure instanceof TimeoutExceededException) {
      return new ProviderException(Kind.TIMEOUT, provider,
          "the last attempt to call " + provider + " gave no answer within " + settings.timeout(),
          name + " took too long to answer: nothing came within " + Spoken.duration(settings.timeout()) + ".", 0, null, failure);
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException("a call to " + provider + " failed in an unexpected way", failure);
  }

  private static CircuitState stateOf(CircuitBreaker.State state) {
    return switch (state) {
      case CLOSED -> CircuitState.CLOSED;
      case OPEN -> CircuitState.OPEN;
      case HALF_OPEN -> CircuitState.HALF_OPEN;
    };
  }

  private static String requireProvider(String provider) {
    Objects.requireNonNull(provider, "provider must not be null");
    if (provider.isBlank()) {
      throw new IllegalArgumentException("provider must not be blank");
    }
    return provider;
  }

  /** The provider's name as people know it, for messages. */
  static String displayName(String provider) {
    return switch (provider) {
      case "openai" -> "OpenAI";
      case "goapi" -> "GoAPI";
      case "demo" -> "The demo provider";
      default -> Character.toUpperCase(provider.charAt(0)) + provider.substring(1);
    };
  }
}
