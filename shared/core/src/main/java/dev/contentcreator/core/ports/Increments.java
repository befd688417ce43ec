package dev.contentcreator.core.ports;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of {@link DocumentStore.Transaction#increment}, shared by the adapters: which fields it
 * may name, and what a document becomes. A number is whole when its text is digits alone and fits in
 * a long (as Firestore stores it: an integer); whole plus whole stays whole, and anything with a
 * fraction makes a double, as Firestore's increment does.
 */
public final class Increments {
  /** A plain top-level field name: what an increment may name on every adapter. */
  private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");

  private Increments() {}

  /**
   * Checks an increment's arguments: {@code deltas} holds at least one field, each a JSON number,
   * every name in both plain, and no field in both.
   */
  public static void check(JsonObject fields, JsonObject deltas) {
    if (deltas.size() == 0) {
      throw new IllegalArgumentException("an increment adds to at least one field");
    }
    for (Map.Entry<String, JsonElement> e : deltas.entrySet()) {
      requirePlain(e.getKey());
      if (!e.getValue().isJsonPrimitive() || !e.getValue().getAsJsonPrimitive().isNumber()) {
        throw new IllegalArgumentException("an increment adds numbers, not " + e.getValue() + " to " + e.getKey());
      }
      if (fields.has(e.getKey())) {
        throw new IllegalArgumentException("field " + e.getKey() + " is both set and added to");
      }
    }
    fields.keySet().forEach(Increments::requirePlain);
  }

  private static void requirePlain(String name) {
    if (!FIELD.matcher(name).matches()) {
      throw new IllegalArgumentException("an increment names plain top-level fields, not '" + name + "'");
    }
  }

  /**
   * The document after the increment: {@code current} (null: none) with {@code fields} set and each
   * of {@code deltas} added to its field, a missing or non-numeric field counting as zero.
   */
  public static JsonObject apply(JsonObject current, JsonObject fields, JsonObject deltas) {
    JsonObject after = current == null ? new JsonObject() : current.deepCopy();
    fields.entrySet().forEach(e -> after.add(e.getKey(), e.getValue().deepCopy()));
    for (Map.Entry<String, JsonElement> e : deltas.entrySet()) {
      JsonElement was = after.get(e.getKey());
      JsonPrimitive base = was != null && was.isJsonPrimitive() && was.getAsJsonPrimitive().isNumber()
          ? was.getAsJsonPrimitive() : new JsonPrimitive(0L);
      after.add(e.getKey(), plus(base, e.getValue().getAsJsonPrimitive()));
    }
    return after;
  }

  /** Whether Firestore would store this number as an integer (its adapters decide by their own values). */
  private static boolean whole(JsonPrimitive number) {
    String text = number.getAsNumber().toString();
    if (!WHOLE.matcher(text).matches()) {
      return false;
    }
    try {
      Long.parseLong(text);
      return true;
    } catch (NumberFormatException tooLong) {
      return false;
    }
  }

  private static JsonPrimitive plus(JsonPrimitive a, JsonPrimitive b) {
    if (whole(a) && whole(b)) {
      long x = a.getAsLong();
      long y = b.getAsLong();
      long sum = x + y;
      // Firestore saturates an integer increment that overflows; so does this.
      if (((x ^ sum) & (y ^ sum)) < 0) {
        sum = x < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
      }
      return new JsonPrimitive(sum);
    }
    return new JsonPrimitive(new BigDecimal(a.getAsNumber().toString()).add(new BigDecimal(b.getAsNumber().toString()))
        .doubleValue());
  }
}
