package dev.contentcreator.core.domain;

/**
 * What the records' builders check before they build: values that must be there, counts that
 * cannot be negative. Each check takes the fields' names in one space-separated string and their
 * values in the same order. A failure is a bug in the caller, so it is an
 * {@link IllegalArgumentException} naming the field.
 */
final class Checks {
  private Checks() {}

  /** Every value is present: not null, and not blank when it is text. */
  static void present(String names, Object... values) {
    String[] fields = fields(names, values.length);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null || values[i] instanceof String s && s.isBlank()) {
        throw new IllegalArgumentException(fields[i] + " is required");
      }
    }
  }

  /** No value is below zero (nor NaN). */
  static void notNegative(String names, double... values) {
    String[] fields = fields(names, values.length);
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] >= 0)) {
        throw new IllegalArgumentException(fields[i] + " cannot be negative: " + values[i]);
      }
    }
  }

  private static String[] fields(String names, int count) {
    String[] fields = names.split(" ");
    if (fields.length != count) {
      throw new IllegalStateException(fields.length + " names for " + count + " values: " + names);
    }
    return fields;
  }
}
