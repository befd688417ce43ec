package dev.contentcreator.core.live;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.ChangeFeed;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A documents store that tells a {@link LocalChangeFeed} of every write to a content item's
 * documents ({@link ChangeFeed#COLLECTIONS}) once it has committed, so a watcher that reads on the
 * news reads the write. The item is the document's own {@code contentId} (a content's, its id); a
 * delete names it when the transaction read the document first, as every delete of these does.
 * Writes are told only for items someone watches, so the store costs nothing more otherwise.
 */
public final class WatchedDocuments implements DocumentStore {
  private final DocumentStore store;
  private final LocalChangeFeed feed;

  public WatchedDocuments(DocumentStore store, LocalChangeFeed feed) {
    this.store = Objects.requireNonNull(store, "store");
    this.feed = Objects.requireNonNull(feed, "feed");
  }

  /** The store this one tells of. */
  public DocumentStore store() {
    return store;
  }

  /** A change to tell: the item and the collection. */
  private record Change(String projectId, String contentId, String collection) {}

  @Override
  public Optional<Document> get(String collection, String id) {
    return store.get(collection, id);
  }

  @Override
  public List<Optional<Document>> getAll(String collection, List<String> ids) {
    return store.getAll(collection, ids);
  }

  @Override
  public Page query(Query query) {
    return store.query(query);
  }

  @Override
  public <T> T transaction(TransactionWork<T> work) {
    // The store may run the body more than once: only the changes of the run that committed count.
    Recording[] last = new Recording[1];
    T result = store.transaction(tx -> {
      Recording r = new Recording(tx);
      last[0] = r;
      return work.run(r);
    });
    if (last[0] != null) {
      last[0].changes.forEach(c -> feed.changed(c.projectId(), c.contentId(), c.collection()));
    }
    return result;
  }

  @Override
  public void create(String collection, String id, JsonObject data) {
    store.create(collection, id, data);
    tell(collection, id, data);
  }

  @Override
  public void set(String collection, String id, JsonObject data) {
    store.set(collection, id, data);
    tell(collection, id, data);
  }

  @Override
  public void delete(String collection, String id) {
    Optional<Document> before = ChangeFeed.COLLECTIONS.contains(collection) ? store.get(collection, id) : Optional.empty();
    store.delete(collection, id);
    before.ifPresent(d -> tell(collection, id, d.data()));
  }

  @Override
  public void close() {
    store.close();
  }

  private void tell(String collection, String id, JsonObject data) {
    Change c = change(collection, id, data);
    if (c != null) {
      feed.changed(c.projectId(), c.contentId(), c.collection());
    }
  }

  /** The change a write of this document makes, or null for one no watcher cares about. */
  private Change change(String collection, String id, JsonObject data) {
    if (!ChangeFeed.COLLECTIONS.contains(collection) || data == null) {
      return null;
    }
    String projectId = text(data.get("projectId"));
    String contentId = collection.equals("contents") ? id : text(data.get("contentId"));
    if (projectId == null || contentId == null || !feed.watched(projectId, contentId)) {
      return null;
    }
    return new Change(projectId, contentId, collection);
  }

  private static String text(JsonElement e) {
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
  }

  /** A transaction that remembers its writes to watched items, and what it read, to name a delete's item. */
  private final class Recording implements Transaction {
    private final Transaction tx;
    private final Map<String, JsonObject> read = new HashMap<>();
    private final List<Change> changes = new ArrayList<>();

    Recording(Transaction tx) {
      this.tx = tx;
    }

    @Override
    public Optional<Document> get(String collection, String id) {
      Optional<Document> d = tx.get(collection, id);
      if (ChangeFeed.COLLECTIONS.contains(collection)) {
        d.ifPresent(doc -> read.put(collection + "/" + id, doc.data()));
      }
      return d;
    }

    @Override
    public List<Optional<Document>> getAll(String collection, List<String> ids) {
      List<Optional<Document>> found = tx.getAll(collection, ids);
      if (ChangeFeed.COLLECTIONS.contains(collection)) {
        found.forEach(d -> d.ifPresent(doc -> read.put(collection + "/" + doc.id(), doc.data())));
      }
      return found;
    }

    @Override
    public List<Optional<Document>> getAll(List<Key> keys) {
      List<Optional<Document>> found = tx.getAll(keys);
      for (int i = 0; i < keys.size(); i++) {
        String collection = keys.get(i).collection();
        if (ChangeFeed.COLLECTIONS.contains(collection)) {
          found.get(i).ifPresent(doc -> read.put(collection + "/" + doc.id(), doc.data()));
        }
      }
      return found;
    }

    @Override
    public Page query(Query query) {
      Page page = tx.query(query);
      if (ChangeFeed.COLLECTIONS.contains(query.collection())) {
        page.items().forEach(doc -> read.put(query.collection() + "/" + doc.id(), doc.data()));
      }
      return page;
    }

    @Override
    public void create(String collection, String id, JsonObject data) {
      tx.create(collection, id, data);
      note(change(collection, id, data));
    }

    @Override
    public void set(String collection, String id, JsonObject data) {
      tx.set(collection, id, data);
      note(change(collection, id, data));
    }

    @Override
    public void delete(String collection, String id) {
      tx.delete(collection, id);
      note(change(collection, id, read.get(collection + "/" + id)));
    }

    @Override
    public dev.contentcreator.core.ports.Added increment(String collection, String id, JsonObject fields,
        JsonObject deltas) {
      // Counters: no collection a watcher follows is written this way.
      return tx.increment(collection, id, fields, deltas);
    }

    private void note(Change c) {
      if (c != null && !changes.contains(c)) {
        changes.add(c);
      }
    }
  }
}
