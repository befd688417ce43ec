package dev.contentcreator.gemini;

import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderFailures;

/** Reads the provider options of an item, refusing values the provider would reject anyway. */
final class Options {
  private Options() {}

  static long positiveLong(ProviderFailures failures, String name, String value, long max) throws ProviderException {
    try {
      long n = Long.parseLong(value.trim());
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw failures.badRequest("The option " + name + " must be a whole number from 1 to " + max + ", got: " + value);
  }

  static double number(ProviderFailures failures, String name, String value, double min, double max)
      throws ProviderException {
    try {
      double n = Double.parseDouble(value.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw failures.badRequest("The option " + name + " must be a number from " + (int) min + " to " + (int) max
        + ", got: " + value);
  }
}
