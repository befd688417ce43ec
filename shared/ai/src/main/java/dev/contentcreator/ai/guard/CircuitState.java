package dev.contentcreator.ai.guard;

/** Where a provider's circuit breaker stands. */
public enum CircuitState {
  /** Calls go through; failures are counted. */
  CLOSED,
  /** Calls fail at once without reaching the provider, until the open delay has passed. */
  OPEN,
  /** The open delay has passed: a few trial calls decide whether the circuit closes or opens again. */
  HALF_OPEN
}
