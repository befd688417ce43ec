package dev.contentcreator.ai.guard.internal;

import dev.contentcreator.ai.guard.GuardListener;
import dev.failsafe.spi.Scheduler;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The checked settings of a guard, as {@code ProviderGuardBuilder} hands them over. A failure rate of
 * 0 means the breaker counts failures instead; a null scheduler means the shared default one.
 */
public record GuardSettings(
    int maxAttempts,
    Duration minBackoff,
    Duration maxBackoff,
    double jitter,
    Duration timeout,
    int breakerFailures,
    Duration breakerWindow,
    Duration breakerDelay,
    int breakerSuccesses,
    int breakerFailureRatePercent,
    int breakerMinCalls,
    int maxConcurrent,
    Duration maxWait,
    Scheduler scheduler,
    DoubleSupplier random,
    GuardListener listener) {
}
