package dev.contentcreator.embedded.sqlite;

import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.Cursors;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.Query.Direction;
import java.util.Objects;

/**
 * Where a page ended: the query's collection, order field and direction, and the order value and
 * id of the page's last document, in the envelope of {@link Cursors}, with the order value as its
 * type ({@code t}) and text ({@code v}) so that an integer stays an integer.
 *
 * @param lastValue a {@link Long}, {@link Double} or {@link String}; null when ordered by id alone
 */
record Cursor(String collection, String orderBy, Direction direction, Object lastValue, String lastId) {

  Cursor {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(lastId, "lastId");
    if ((orderBy == null) != (lastValue == null)) {
      throw new IllegalArgumentException("a cursor has an order value exactly when it has an order field");
    }
  }

  String encode() {
    return Cursors.encode(collection, orderBy, direction, lastId, json -> {
      json.addProperty("t", typeOf(lastValue));
      json.addProperty("v", lastValue.toString());
    });
  }

  /** Reads a cursor and checks that it continues {@code query}. */
  static Cursor decodeFor(Query query) {
    JsonObject json = Cursors.decodeFor(query);
    try {
      Object value = query.orderBy() == null ? null : value(json.get("t").getAsString(), json.get("v").getAsString());
      return new Cursor(query.collection(), query.orderBy(), query.direction(), value, Cursors.lastId(json));
    } catch (RuntimeException e) {
      throw Cursors.notOurs();
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
}