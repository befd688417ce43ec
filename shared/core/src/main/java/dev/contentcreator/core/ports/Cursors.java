package dev.contentcreator.core.ports;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.ports.Query.Direction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The envelope of the documents adapters' page cursors: base64url JSON holding the query's
 * collection ({@code c}), order field ({@code o}) and direction ({@code d}) and the last document's
 * id ({@code i}); each adapter adds the last order value in its own form. A cursor is accepted only
 * by a query with the same collection, order field and direction, so it only continues the query
 * that gave it out.
 */
public final class Cursors {
  private static final int FORMAT = 1;

  private Cursors() {}

  /** A cursor after {@code lastId}; {@code value} adds the order value when there is an order field. */
  public static String encode(String collection, String orderBy, Direction direction, String lastId,
      Consumer<JsonObject> value) {
    JsonObject json = new JsonObject();
    json.addProperty("f", FORMAT);
    json.addProperty("c", Objects.requireNonNull(collection, "collection"));
    json.addProperty("d", Objects.requireNonNull(direction, "direction").name());
    json.addProperty("i", Objects.requireNonNull(lastId, "lastId"));
    if (orderBy != null) {
      json.addProperty("o", orderBy);
      value.accept(json);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads {@code query}'s cursor, checks that it continues that query, and gives its JSON for the
   * adapter to read the id ({@link #lastId}) and its order value from.
   *
   * @throws InvalidCursorException if it is not a cursor, or one of another query
   */
  public static JsonObject decodeFor(Query query) {
    JsonObject json;
    String collection;
    String orderBy;
    Direction direction;
    try {
      json = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(query.cursor()), StandardCharsets.UTF_8))
          .getAsJsonObject();
      if (json.get("f").getAsInt() != FORMAT) {
        throw new IllegalArgumentException("unknown cursor format");
      }
      collection = json.get("c").getAsString();
      orderBy = json.has("o") ? json.get("o").getAsString() : null;
      direction = Direction.valueOf(json.get("d").getAsString());
      json.get("i").getAsString();
    } catch (RuntimeException e) {
      throw notOurs();
    }
    if (!collection.equals(query.collection()) || !Objects.equals(orderBy, query.orderBy())
        || direction != query.direction()) {
      throw new InvalidCursorException("the cursor belongs to another query (" + describe(collection, orderBy, direction)
          + "), not to " + describe(query.collection(), query.orderBy(), query.direction()));
    }
    return json;
  }

  /** The last document's id in a cursor {@link #decodeFor} accepted. */
  public static String lastId(JsonObject cursor) {
    return cursor.get("i").getAsString();
  }

  /** What an adapter throws when the order value in a cursor is not one it wrote. */
  public static InvalidCursorException notOurs() {
    return new InvalidCursorException("the cursor is not one this store gave out");
  }

  private static String describe(String collection, String orderBy, Direction direction) {
    return collection + " ordered by " + (orderBy == null ? "id" : orderBy) + " "
        + direction.name().toLowerCase(Locale.ROOT);
  }
}
