package dev.contentcreator.core.generation;

import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentExistsException;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Documents in a map, for tests of code that works in transactions: a transaction's writes are
 * kept aside and applied together when its work returns (not at all when it throws), and a read
 * after a write fails, as Firestore's rule says. Of queries, only the first page of an id prefix.
 */
final class MapDocumentStore implements DocumentStore {
  private final Map<String, JsonObject> docs = new HashMap<>();
  int transactions;
  /** What transactions read, as collection/id, in order (a test may clear it). */
  final List<String> readInTransactions = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** The documents each batched read of a transaction ({@code Transaction.getAll} of keys) named, in order. */
  final List<List<String>> batchesInTransactions = new java.util.concurrent.CopyOnWriteArrayList<>();

  private static String key(String collection, String id) {
    return collection + "/" + id;
  }

  @Override
  public synchronized Optional<Document> get(String collection, String id) {
    return Optional.ofNullable(docs.get(key(collection, id))).map(d -> new Document(collection, id, d.deepCopy()));
  }

  /** Only the queries of one id prefix, which the usage counters read with. */
  @Override
  public synchronized Page query(Query query) {
    if (query.idPrefix() == null || query.cursor() != null) {
      throw new UnsupportedOperationException("only a first page of ids with a prefix in this store");
    }
    String from = key(query.collection(), query.idPrefix());
    List<Document> found = new ArrayList<>();
    for (Map.Entry<String, JsonObject> e : new java.util.TreeMap<>(docs).tailMap(from).entrySet()) {
      if (!e.getKey().startsWith(from) || found.size() == query.limit()) {
        break;
      }
      found.add(new Document(query.collection(), e.getKey().substring(query.collection().length() + 1),
          e.getValue().deepCopy()));
    }
    return new Page(found, null);
  }

  @Override
  public synchronized <T> T transaction(TransactionWork<T> work) {
    transactions++;
    Map<String, JsonObject> writes = new LinkedHashMap<>();
    List<dev.contentcreator.core.ports.Added> increments = new ArrayList<>();
    T answer = work.run(new Transaction() {
      @Override
      public Optional<Document> get(String collection, String id) {
        if (!writes.isEmpty()) {
          throw new IllegalStateException("a read after a write: " + key(collection, id));
        }
        readInTransactions.add(key(collection, id));
        return MapDocumentStore.this.get(collection, id);
      }

      @Override
      public List<Optional<Document>> getAll(List<Key> keys) {
        batchesInTransactions.add(keys.stream().map(k -> key(k.collection(), k.id())).toList());
        List<Optional<Document>> found = new ArrayList<>();
        for (Key k : keys) {
          found.add(get(k.collection(), k.id()));
        }
        return found;
      }

      @Override
      public Page query(Query query) {
        if (!writes.isEmpty()) {
          throw new IllegalStateException("a read after a write: " + query.collection());
        }
        return MapDocumentStore.this.query(query);
      }

      @Override
      public void create(String collection, String id, JsonObject data) {
        if (docs.containsKey(key(collection, id)) || writes.get(key(collection, id)) != null) {
          throw new DocumentExistsException(collection, id);
        }
        writes.put(key(collection, id), data.deepCopy());
      }

      @Override
      public void set(String collection, String id, JsonObject data) {
        writes.put(key(collection, id), data.deepCopy());
      }

      @Override
      public void delete(String collection, String id) {
        writes.put(key(collection, id), null);
      }

      @Override
      public dev.contentcreator.core.ports.Added increment(String collection, String id, JsonObject fields,
          JsonObject deltas) {
        dev.contentcreator.core.ports.Increments.check(fields, deltas);
        String key = key(collection, id);
        if (writes.containsKey(key)) {
          throw new IllegalStateException("a document written twice in one transaction: " + key);
        }
        writes.put(key, dev.contentcreator.core.ports.Increments.apply(docs.get(key), fields, deltas));
        dev.contentcreator.core.ports.Added added = new dev.contentcreator.core.ports.Added(collection, id, deltas);
        increments.add(added);
        return added;
      }
    });
    writes.forEach((k, v) -> {
      if (v == null) {
        docs.remove(k);
      } else {
        docs.put(k, v);
      }
    });
    // Committed: each increment reads what it left (no other transaction runs meanwhile here).
    increments.forEach(a -> a.committed(this));
    return answer;
  }

  @Override
  public void close() {}
}
