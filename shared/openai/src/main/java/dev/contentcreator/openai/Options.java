package dev.contentcreator.openai;

import dev.contentcreator.core.ports.ai.ProviderException;

/** Reads the provider options of an item, refusing values OpenAI would reject anyway. */
final class Options {
  private Options() {}

  static long positiveLong(OpenAiErrors errors, String name, String value, long max) throws ProviderException {
    try {
      long n = Long.parseLong(value.trim());
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw errors.badRequest("The option " + name + " must be a whole number from 1 to " + max + ", got: " + value);
  }

  static double temperature(OpenAiErrors errors, String value) throws ProviderException {
    try {
      double t = Double.parseDouble(value.trim());
      if (t >= 0 && t <= 2) {
        return t;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw errors.badRequest("The option temperature must be a number from 0 to 2, got: " + value);
  }
}
