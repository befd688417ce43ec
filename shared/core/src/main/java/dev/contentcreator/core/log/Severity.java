package dev.contentcreator.core.log;

/**
 * The severities the product writes, named as Cloud Logging's {@code LogSeverity} names them, in
 * rising order: something that happened, a degradation the product works around, a failure someone
 * should look at.
 */
public enum Severity {
  INFO,
  WARNING,
  ERROR;

  /** Whether this is at least as severe as {@code other}. */
  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
