package dev.contentcreator.core.ports;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The documents port: named collections of JSON documents keyed by id, as Firestore models them.
 *
 * <p>Adapters: Firestore in production, one SQLite file on one machine. Values are JSON strings,
 * numbers, booleans, arrays and objects; timestamps are fixed-width ISO-8601 strings so that they
 * sort as text. Every adapter passes the same contract suite ({@code DocumentStoreContract}).
 */
public interface DocumentStore extends AutoCloseable {

  /** Reads one document outside any transaction. */
  Optional<Document> get(String collection, String id);

  /**
   * Reads several documents of one collection at once, outside any transaction: the answer has one
   * entry per id, in the order of {@code ids}, empty where no document has that id. Adapters read
   * them in one round trip (one batched get on Firestore, one statement on SQLite); this default
   * reads them one by one.
   */
  default List<Optional<Document>> getAll(String collection, List<String> ids) {
    List<Optional<Document>> found = new ArrayList<>(ids.size());
    for (String id : ids) {
      found.add(get(collection, id));
    }
    return found;
  }

  /** Runs a query outside any transaction. */
  Page query(Query query);

  /**
   * Runs {@code work} atomically: its reads see one snapshot, its writes commit together or not at
   * all. All reads must come before the first write (Firestore's rule). The adapter may run the
   * body more than once when it conflicts with a concurrent transaction, so the body must not have
   * side effects outside the transaction.
   */
  <T> T transaction(TransactionWork<T> work);

  /** Creates a document; fails with {@link DocumentExistsException} if the id is taken. */
  default void create(String collection, String id, JsonObject data) {
    transaction(tx -> {
      tx.create(collection, id, data);
      return null;
    });
  }

  /** Creates or replaces a document. */
  default void set(String collection, String id, JsonObject data) {
    transaction(tx -> {
      tx.set(collection, id, data);
      return null;
    });
  }

  /** Deletes a document if it exists. */
  default void delete(String collection, String id) {
    transaction(tx -> {
      tx.delete(collection, id);
      return null;
    });
  }

  @Override
  void close();

  /** The body of a transaction. */
  @FunctionalInterface
  interface TransactionWork<T> {
    T run(Transaction tx);
  }

  /** A document's address: its collection and its id. */
  record Key(String collection, String id) {
    public Key {
      java.util.Objects.requireNonNull(collection, "collection");
      java.util.Objects.requireNonNull(id, "id");
    }
  }

  /** Reads and writes inside one transaction. */
  interface Transaction {
    Optional<Document> get(String collection, String id);

    /**
     * Reads documents of any collections inside the transaction's snapshot: one entry per key, in
     * their order, empty where there is no document. Adapters that pay a round trip per read
     * (Firestore) read them in one, and answer a later {@link #get} of one of them in this
     * transaction from this read: the transaction holds what it has read, so it has not changed.
     * This default reads them one by one.
     */
    default List<Optional<Document>> getAll(List<Key> keys) {
      List<Optional<Document>> found = new ArrayList<>(keys.size());
      for (Key key : keys) {
        found.add(get(key.collection(), key.id()));
      }
      return found;
    }

    /** As {@link DocumentStore#getAll}, read inside the transaction's snapshot. */
    default List<Optional<Document>> getAll(String collection, List<String> ids) {
      List<Optional<Document>> found = new ArrayList<>(ids.size());
      for (String id : ids) {
        found.add(get(collection, id));
      }
      return found;
    }

    Page query(Query query);

    /** Fails with {@link DocumentExistsException} (at commit at the latest) if the id is taken. */
    void create(String collection, String id, JsonObject data);

    void set(String collection, String id, JsonObject data);

    void delete(String collection, String id);

    /**
     * Adds to a document's numbers without reading them: each field of {@code deltas} (a plain
     * top-level name and a JSON number) is added to the document's field of that name, a missing
     * document or field counting as zero; each of {@code fields} is set as given, and every other
     * field stays. The document is made if it is missing. {@link Increments} holds the rules.
     *
     * <p>This is how counters that many items change at once are written: the transaction holds no
     * read of the document, so transactions adding to one counter do not wait for each other's
     * locks (Firestore applies the addition at commit; on its emulator, transactions that read and
     * then write one document deadlock until a lock timeout). The transaction must not read the
     * document nor write it otherwise.
     *
     * <p>Answers what the addition left in the document, known once the transaction has
     * committed ({@link Added}): where the store tells it at commit, knowing it costs no read.
     */
    Added increment(String collection, String id, JsonObject fields, JsonObject deltas);
  }
}
