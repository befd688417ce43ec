package dev.contentcreator.gcp.firestore;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.Cursors;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.Query.Direction;
import java.util.Objects;

/**
 * Where a page ended, so the next page can start after it without any state on the server: the
 * query's collection, order field and direction, and the last document's order value and id. It
 * travels in the envelope of {@link Cursors}, which accepts it only for the same collection, order
 * field and direction; the order value is kept as JSON, which {@link FirestoreValues} turns back
 * into the same Firestore value (an integer stays an integer).
 *
 * @param lastValue the order value as JSON; {@link JsonNull} also when ordered by id alone
 */
record FirestoreCursor(String collection, String orderBy, Direction direction, JsonElement lastValue, String lastId) {

  FirestoreCursor {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(lastId, "lastId");
    lastValue = lastValue == null ? JsonNull.INSTANCE : lastValue;
  }

  String encode() {
    return Cursors.encode(collection, orderBy, direction, lastId, json -> json.add("v", lastValue));
  }

  /** Reads {@code query}'s cursor and checks that it continues that query. */
  static FirestoreCursor decodeFor(Query query) {
    JsonObject json = Cursors.decodeFor(query);
    String id = Cursors.lastId(json);
    if (id.isEmpty() || id.indexOf('/') >= 0 || (query.orderBy() != null && !json.has("v"))) {
      // not a document id, or an ordered cursor without its value
      throw Cursors.notOurs();
    }
    return new FirestoreCursor(query.collection(), query.orderBy(), query.direction(),
        query.orderBy() == null ? JsonNull.INSTANCE : json.get("v"), id);
  }
}