package dev.contentcreator.core.ports;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link DocumentStore.Transaction#increment} left in its document, known once its
 * transaction has committed: each field it added to, as a JSON number, right after that commit. It
 * counts this transaction's addition and every one committed before it, so of several transactions
 * adding 1 to a counter exactly one finds the count that was aimed at.
 *
 * <p>An adapter whose store answers a commit with the values (Firestore's transform results; the
 * SQLite file, whose one writer computes them) hands them over ({@link #committed(JsonObject)}).
 * One that is not told them says so ({@link #committed(DocumentStore)}), and the values are read
 * from the document when asked; that read may also count additions committed later.
 */
public final class Added {
  private final String collection;
  private final String id;
  private final List<String> fields;
  private volatile JsonObject totals;
  private volatile DocumentStore readFrom;

  /** The handle of an increment of {@code collection/id} by {@code deltas}, before its commit. */
  public Added(String collection, String id, JsonObject deltas) {
    this.collection = Objects.requireNonNull(collection, "collection");
    this.id = Objects.requireNonNull(id, "id");
    this.fields = List.copyOf(deltas.keySet());
  }

  /** The fields the increment added to, in the order of its deltas. */
  public List<String> fields() {
    return fields;
  }

  /** For adapters: the transaction committed, and the store said what the fields hold now. */
  public void committed(JsonObject totals) {
    this.totals = Objects.requireNonNull(totals, "totals").deepCopy();
  }

  /** For adapters: the transaction committed; the values are read from {@code store} when asked. */
  public void committed(DocumentStore store) {
    this.readFrom = Objects.requireNonNull(store, "store");
  }

  /**
   * The added fields as the commit left them (a field the document lacks counts as 0). Fails
   * before the transaction has committed: until then nothing has been added.
   */
  public JsonObject totals() {
    JsonObject known = totals;
    if (known != null) {
      return known.deepCopy();
    }
    DocumentStore store = readFrom;
    if (store == null) {
      throw new IllegalStateException("the increment of " + collection + "/" + id + " has not been committed");
    }
    JsonObject data = store.get(collection, id).map(Document::data).orElseGet(JsonObject::new);
    JsonObject read = new JsonObject();
    for (String field : fields) {
      read.add(field, data.has(field) ? data.get(field) : new com.google.gson.JsonPrimitive(0));
    }
    totals = read;
    return read.deepCopy();
  }
}
