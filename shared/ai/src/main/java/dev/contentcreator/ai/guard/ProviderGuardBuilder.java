package dev.contentcreator.ai.guard;

import dev.contentcreator.ai.guard.internal.FailsafeProviderGuard;
import dev.contentcreator.ai.guard.internal.GuardSettings;
import dev.failsafe.spi.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Builds a {@link ProviderGuard}. Each method checks its argument and says what is wrong. Defaults:
 * <ul>
 *   <li>{@code maxAttempts(3)}, counting the first attempt;</li>
 *   <li>{@code backoff(500 ms, 30 s)}, doubling from the first to the second bound;</li>
 *   <li>{@code jitter(0.25)}: each delay moves by up to 25% either way, and a Retry-After may only grow;</li>
 *   <li>{@code timeout(120 s)} per attempt;</li>
 *   <li>{@code breaker(5, 60 s, 30 s, 2)}: opens after 5 failed attempts within 60 s, half-opens after
 *       30 s, closes after 2 successful trial calls; {@code breakerFailureRate} switches to a ratio;</li>
 *   <li>{@code bulkhead(16, 2 s)}: 16 calls at a time per provider, a call waits up to 2 s for a slot;</li>
 *   <li>{@code scheduler}: a shared pool of daemon threads, waiting in real time;</li>
 *   <li>{@code random}: {@link ThreadLocalRandom}; {@code listener}: {@link GuardListener#NONE}.</li>
 * </ul>
 */
public final class ProviderGuardBuilder {
  private int maxAttempts = 3;
  private Duration minBackoff = Duration.ofMillis(500);
  private Duration maxBackoff = Duration.ofSeconds(30);
  private double jitter = 0.25;
  private Duration timeout = Duration.ofSeconds(120);
  private int breakerFailures = 5;
  private Duration breakerWindow = Duration.ofSeconds(60);
  private Duration breakerDelay = Duration.ofSeconds(30);
  private int breakerSuccesses = 2;
  private int breakerFailureRatePercent;
  private int breakerMinCalls;
  private int maxConcurrent = 16;
  private Duration maxWait = Duration.ofSeconds(2);
  private Scheduler scheduler;
  private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
  private GuardListener listener = GuardListener.NONE;

  ProviderGuardBuilder() { }

  /** How many attempts a call gets in all, the first included; 1 turns retries off. */
  public ProviderGuardBuilder maxAttempts(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1 (the first attempt), got " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    return this;
  }

  /** The first retry's delay, doubling on each retry up to {@code max}; {@code max} also caps Retry-After. */
  public ProviderGuardBuilder backoff(Duration min, Duration max) {
    requirePositive(min, "backoff min");
    requirePositive(max, "backoff max");
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException("backoff max (" + max + ") must not be less than min (" + min + ")");
    }
    this.minBackoff = min;
    this.maxBackoff = max;
    return this;
  }

  /** How far a delay may move at random, as a fraction of it, from 0 (none) to 1. */
  public ProviderGuardBuilder jitter(double factor) {
    if (!(factor >= 0 && factor <= 1)) {
      throw new IllegalArgumentException("jitter must be a fraction from 0 to 1, got " + factor);
    }
    this.jitter = factor;
    return this;
  }

  /** How long one attempt may take before it is interrupted and counted as a timeout. */
  public ProviderGuardBuilder timeout(Duration timeout) {
    this.timeout = requirePositive(timeout, "timeout");
    return this;
  }

  /**
   * Opens a provider's circuit after {@code failures} failed attempts within {@code window}, lets
   * trial calls through after {@code delay}, and closes after {@code successes} successful trials.
   */
  public ProviderGuardBuilder breaker(int failures, Duration window, Duration delay, int successes) {
    if (failures < 1) {
      throw new IllegalArgumentException("breaker failures must be at least 1, got " + failures);
    }
    if (successes < 1) {
      throw new IllegalArgumentException("breaker successes must be at least 1, got " + successes);
    }
    this.breakerWindow = requirePositive(window, "breaker window");
    this.breakerDelay = requirePositive(delay, "breaker delay");
    this.breakerFailures = failures;
    this.breakerSuccesses = successes;
    return this;
  }

  /**
   * Opens the circuit on a failure ratio instead of a count: when at least {@code percent}% of the
   * attempts within the breaker's window failed, once there were at least {@code minCalls} of them.
   */
  public ProviderGuardBuilder breakerFailureRate(int percent, int minCalls) {
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("breaker failure rate must be a percentage from 1 to 100, got " + percent);
    }
    if (minCalls < 1) {
      throw new IllegalArgumentException("breaker minCalls must be at least 1, got " + minCalls);
    }
    this.breakerFailureRatePercent = percent;
    this.breakerMinCalls = minCalls;
    return this;
  }

  /** At most {@code maxConcurrent} calls to one provider at a time; a call waits up to {@code maxWait} for a slot. */
  public ProviderGuardBuilder bulkhead(int maxConcurrent, Duration maxWait) {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("bulkhead maxConcurrent must be at least 1, got " + maxConcurrent);
    }
    Objects.requireNonNull(maxWait, "bulkhead maxWait must not be null");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("bulkhead maxWait must not be negative, got " + maxWait);
    }
    this.maxConcurrent = maxConcurrent;
    this.maxWait = maxWait;
    return this;
  }

  /**
   * Where attempts run and where the waits between them (and for a bulkhead slot) are scheduled.
   * Tests pass one that records each delay and runs at once. Failsafe measures per-attempt timeouts
   * and the circuit's open delay on its own clock, in real time, whatever this is.
   */
  public ProviderGuardBuilder scheduler(Scheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
    return this;
  }

  /** The source of jitter: each value must lie in [0, 1). */
  public ProviderGuardBuilder random(DoubleSupplier random) {
    this.random = Objects.requireNonNull(random, "random must not be null");
    return this;
  }

  /** Told of retries and circuit changes. */
  public ProviderGuardBuilder listener(GuardListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener must not be null");
    return this;
  }

  public ProviderGuard build() {
    return new FailsafeProviderGuard(new GuardSettings(maxAttempts, minBackoff, maxBackoff, jitter, timeout,
        breakerFailures, breakerWindow, breakerDelay, breakerSuccesses, breakerFailureRatePercent, breakerMinCalls,
        maxConcurrent, maxWait, scheduler, random, listener));
  }

  private static Duration requirePositive(Duration d, String what) {
    Objects.requireNonNull(d, what + " must not be null");
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(what + " must be positive, got " + d);
    }
    return d;
  }
}
