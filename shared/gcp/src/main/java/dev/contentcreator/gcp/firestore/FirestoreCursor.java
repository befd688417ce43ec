package dev.contentcreator.gcp.firestore;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.ports.InvalidCursorException;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.Query.Direction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a page ended, so the next page can start after it without any state on the server: the
 * query's collection, order field and direction, and the last document's order value and id. It
 * travels as base64url JSON; the order value is kept as JSON, which {@link FirestoreValues} turns
 * back into the same Firestore value (an integer stays an integer). A cursor is accepted only by a
 * query with the same collection, order field and direction.
 *
 * @param lastValue the order value as JSON; {@link JsonNull} also when ordered by id alone
 */
record FirestoreCursor(String collection, String orderBy, Direction direction, JsonElement lastValue, String lastId) {
  private static final int FORMAT = 1;

  FirestoreCursor {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(lastId, "lastId");
    lastValue = lastValue == null ? JsonNull.INSTANCE : lastValue;
  }

  String encode() {
    JsonObject json = new JsonObject();
    json.addProperty("f", FORMAT);
    json.addProperty("c", collection);
    json.addProperty("d", direction.name());
    json.addProperty("i", lastId);
    if (orderBy != null) {
      json.addProperty("o", orderBy);
      json.add("v", lastValue);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Reads {@code query}'s cursor and checks that it continues that query. */
  static FirestoreCursor decodeFor(Query query) {
    FirestoreCursor cursor = decode(query.cursor());
    if (!cursor.collection.equals(query.collection())
        || !Objects.equals(cursor.orderBy, query.orderBy())
        || cursor.direction != query.direction()) {
      throw new InvalidCursorException("the cursor belongs to another query (" + cursor.describe()
          + "), not to " + describe(query.collection(), query.orderBy(), query.direction()));
    }
    return cursor;
  }

  private static FirestoreCursor decode(String text) {
    try {
      JsonObject json = JsonParser.parseString(
          new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8)).getAsJsonObject();
      if (json.get("f").getAsInt() != FORMAT) {
        throw new IllegalArgumentException("unknown cursor format");
      }
      String orderBy = json.has("o") ? json.get("o").getAsString() : null;
      if (orderBy != null && !json.has("v")) {
        throw new IllegalArgumentException("an ordered cursor without its value");
      }
      String id = json.get("i").getAsString();
      if (id.isEmpty() || id.indexOf('/') >= 0) {
        throw new IllegalArgumentException("not a document id");
      }
      return new FirestoreCursor(json.get("c").getAsString(), orderBy, Direction.valueOf(json.get("d").getAsString()),
          orderBy == null ? JsonNull.INSTANCE : json.get("v"), id);
    } catch (RuntimeException e) {
      throw new InvalidCursorException("the cursor is not one this store gave out");
    }
  }

  private String describe() {
    return describe(collection, orderBy, direction);
  }

  private static String describe(String collection, String orderBy, Direction direction) {
    return collection + " ordered by " + (orderBy == null ? "id" : orderBy) + " " + direction.name().toLowerCase(Locale.ROOT);
  }
}
