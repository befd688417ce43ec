package dev.contentcreator.embedded.sqlite;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.ports.InvalidCursorException;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.Query.Direction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a page ended: the query's collection, order field and direction, and the order value and
 * id of the page's last document. Travels as base64url JSON; checked against the query it is used
 * with, so a cursor only continues the query that gave it out.
 *
 * @param lastValue a {@link Long}, {@link Double} or {@link String}; null when ordered by id alone
 */
record Cursor(String collection, String orderBy, Direction direction, Object lastValue, String lastId) {
  private static final int FORMAT = 1;

  Cursor {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(lastId, "lastId");
    if ((orderBy == null) != (lastValue == null)) {
      throw new IllegalArgumentException("a cursor has an order value exactly when it has an order field");
    }
  }

  String encode() {
    JsonObject json = new JsonObject();
    json.addProperty("f", FORMAT);
    json.addProperty("c", collection);
    json.addProperty("d", direction.name());
    json.addProperty("i", lastId);
    if (orderBy != null) {
      json.addProperty("o", orderBy);
      json.addProperty("t", typeOf(lastValue));
      json.addProperty("v", lastValue.toString());
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a cursor and checks that it continues {@code query}. */
  static Cursor decodeFor(Query query) {
    Cursor cursor = decode(query.cursor());
    if (!cursor.collection.equals(query.collection())
        || !Objects.equals(cursor.orderBy, query.orderBy())
        || cursor.direction != query.direction()) {
      throw new InvalidCursorException("the cursor belongs to another query (" + cursor.describe()
          + "), not to " + describe(query.collection(), query.orderBy(), query.direction()));
    }
    return cursor;
  }

  private static Cursor decode(String text) {
    try {
      JsonElement parsed = JsonParser.parseString(
          new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
      JsonObject json = parsed.getAsJsonObject();
      if (json.get("f").getAsInt() != FORMAT) {
        throw new IllegalArgumentException("unknown cursor format");
      }
      String orderBy = json.has("o") ? json.get("o").getAsString() : null;
      Object value = orderBy == null ? null : value(json.get("t").getAsString(), json.get("v").getAsString());
      return new Cursor(json.get("c").getAsString(), orderBy, Direction.valueOf(json.get("d").getAsString()),
          value, json.get("i").getAsString());
    } catch (RuntimeException e) {
      throw new InvalidCursorException("the cursor is not one this store gave out");
    }
  }

  private static String typeOf(Object value) {
    if (value instanceof Long) {
      return "integer";
    }
    if (value instanceof Double) {
      return "real";
    }
    if (value instanceof String) {
      return "text";
    }
    throw new IllegalArgumentException("cannot put a " + value.getClass().getName() + " in a cursor");
  }

  private static Object value(String type, String text) {
    switch (type) {
      case "integer":
        return Long.parseLong(text);
      case "real":
        return Double.parseDouble(text);
      case "text":
        return text;
      default:
        throw new IllegalArgumentException("unknown value type " + type);
    }
  }

  private String describe() {
    return describe(collection, orderBy, direction);
  }

  private static String describe(String collection, String orderBy, Direction direction) {
    return collection + " ordered by " + (orderBy == null ? "id" : orderBy) + " " + direction.name().toLowerCase();
  }
}
