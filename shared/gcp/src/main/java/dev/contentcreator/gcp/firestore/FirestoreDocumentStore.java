package dev.contentcreator.gcp.firestore;

import com.google.api.core.ApiFuture;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreException;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.cloud.firestore.QuerySnapshot;
import com.google.cloud.firestore.SetOptions;
import com.google.cloud.firestore.TransactionOptions;
import com.google.gson.JsonObject;
import dev.contentcreator.core.http.KeyScope;
import dev.contentcreator.core.ports.Added;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentExistsException;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Increments;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.Query.Direction;
import dev.contentcreator.core.ports.StoreBusyException;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The documents port on Cloud Firestore, through the Firestore client that firebase-admin brings.
 *
 * <p>A document lives at {@code /{collection}/{id}}, a top-level collection, with its JSON as
 * native Firestore fields ({@link FirestoreValues}), so that security rules can read fields such as
 * {@code projectId} and the web app can listen to a job's document live. Every query orders by
 * document id after its order field, in the same direction, so pages are stable; a cursor carries
 * the last document's order value and id ({@link FirestoreCursor}). Transactions are Firestore's:
 * the client runs the body again when a concurrent transaction wins, up to a set number of
 * attempts, and a create that meets an existing document fails the whole transaction with
 * {@link DocumentExistsException}.
 *
 * <p>The client is made on first use, once, and closed with the store. Thread-safe.
 */
public final class FirestoreDocumentStore implements DocumentStore {
  /**
   * Attempts of a transaction before it fails: twice Firestore's own 5, because a job's document
   * and the month's usage are updated by many items finishing at once.
   */
  public static final int DEFAULT_TRANSACTION_ATTEMPTS = 10;

  /** Set on the thread that runs a transaction's body, which Firestore's client chooses. */
  private static final ThreadLocal<Boolean> IN_TRANSACTION = new ThreadLocal<>();

  private final Supplier<Firestore> connector;
  private final String description;
  private final int transactionAttempts;
  private Firestore client;
  private boolean closed;

  private FirestoreDocumentStore(Supplier<Firestore> connector, String description, int transactionAttempts) {
    this.connector = connector;
    this.description = description;
    this.transactionAttempts = transactionAttempts;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A store on clients {@code connector} makes; it is called at most once, on first use. */
  static FirestoreDocumentStore using(Supplier<Firestore> connector, int transactionAttempts) {
    Objects.requireNonNull(connector, "connector");
    return new FirestoreDocumentStore(connector, "a given Firestore client", transactionAttempts);
  }

  @Override
  public Optional<Document> get(String collection, String id) {
    DocumentReference ref = reference(collection, id);
    return document(collection, await(ref.get(), "get " + ref.getPath()));
  }

  @Override
  public List<Optional<Document>> getAll(String collection, List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    DocumentReference[] refs = references(collection, ids);
    return inOrder(collection, ids, await(client().getAll(refs), "get " + refs.length + " of " + collection));
  }

  /** One reference per distinct id: Firestore refuses a batched read that names a document twice. */
  private DocumentReference[] references(String collection, List<String> ids) {
    return new LinkedHashSet<>(ids).stream().map(id -> reference(collection, id)).toArray(DocumentReference[]::new);
  }

  /** The snapshots of a batched read, one entry per id asked for, in that order. */
  private static List<Optional<Document>> inOrder(String collection, List<String> ids, List<DocumentSnapshot> snapshots) {
    Map<String, DocumentSnapshot> byId = new HashMap<>();
    for (DocumentSnapshot snapshot : snapshots) {
      byId.put(snapshot.getId(), snapshot);
    }
    List<Optional<Document>> found = new ArrayList<>(ids.size());
    for (String id : ids) {
      DocumentSnapshot snapshot = byId.get(id);
      found.add(snapshot == null ? Optional.empty() : document(collection, snapshot));
    }
    return found;
  }

  @Override
  public Page query(Query query) {
    Objects.requireNonNull(query, "query");
    com.google.cloud.firestore.Query firestoreQuery = firestoreQuery(query);
    return page(query, await(firestoreQuery.get(), "query " + query.collection()));
  }

  @Override
  public <T> T transaction(TransactionWork<T> work) {
    Objects.requireNonNull(work, "work");
    if (IN_TRANSACTION.get() != null) {
      // The inner one would wait for the locks the outer one holds until Firestore gave up.
      throw new IllegalStateException("transactions cannot be nested: this thread runs the body of one");
    }
    Firestore firestore = client();
    List<FirestoreTransaction> attempts = new ArrayList<>();
    // The body runs on the client's threads: it takes the API key's scope of the request along, so
    // the role checks inside it hold a key to its project and role as they do outside.
    KeyScope key = KeyScope.current();
    ApiFuture<T> result = firestore.runTransaction(t -> {
      FirestoreTransaction tx = new FirestoreTransaction(t);
      synchronized (attempts) {
        attempts.add(tx);
      }
      IN_TRANSACTION.set(Boolean.TRUE);
      try (KeyScope.Scope scoped = KeyScope.enter(key)) {
        return work.run(tx);
      } finally {
        IN_TRANSACTION.remove();
        tx.end();
      }
    }, TransactionOptions.createReadWriteOptionsBuilder().setNumberOfAttempts(transactionAttempts).build());
    try {
      T answer = await(result, "transaction");
      // The client library does not pass on a transaction's write results: its increments read
      // what they left when asked.
      synchronized (attempts) {
        attempts.get(attempts.size() - 1).increments.forEach(a -> a.committed(this));
      }
      return answer;
    } catch (StoreFailure e) {
      if (alreadyExists(e.getCause())) {
        synchronized (attempts) {
          if (!attempts.isEmpty()) {
            throw attempts.get(attempts.size() - 1).existing(e.getCause());
          }
        }
      }
      throw e;
    }
  }

  @Override
  public void create(String collection, String id, JsonObject data) {
    DocumentReference ref = reference(collection, id);
    Map<String, Object> fields = FirestoreValues.toFirestore(Objects.requireNonNull(data, "data"));
    try {
      await(ref.create(fields), "create " + ref.getPath());
    } catch (StoreFailure e) {
      if (alreadyExists(e.getCause())) {
        throw new DocumentExistsException(collection, id);
      }
      throw e;
    }
  }

  @Override
  public void set(String collection, String id, JsonObject data) {
    DocumentReference ref = reference(collection, id);
    await(ref.set(FirestoreValues.toFirestore(Objects.requireNonNull(data, "data"))), "set " + ref.getPath());
  }

  @Override
  public void delete(String collection, String id) {
    DocumentReference ref = reference(collection, id);
    await(ref.delete(), "delete " + ref.getPath());
  }

  /** Closes the client if it was made. Later calls fail. */
  @Override
  public void close() {
    Firestore made;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      made = client;
    }
    if (made != null) {
      try {
        made.close();
      } catch (Exception e) {
        throw new FirestoreStoreException("closing the Firestore client of " + description + " failed", e);
      }
    }
  }

  /** Whether the client has been made: it is made on first use, not when the store is built. */
  synchronized boolean connected() {
    return client != null;
  }

  private synchronized Firestore client() {
    if (closed) {
      throw new IllegalStateException("the Firestore document store of " + description + " is closed");
    }
    if (client == null) {
      client = Objects.requireNonNull(connector.get(), "the connector made no client");
    }
    return client;
  }

  private DocumentReference reference(String collection, String id) {
    FirestoreNames.requireCollection(collection);
    FirestoreNames.requireId(id);
    return client().collection(collection).document(id);
  }

  private com.google.cloud.firestore.Query firestoreQuery(Query query) {
    FirestoreCursor after = query.cursor() == null ? null : FirestoreCursor.decodeFor(query);
    FirestoreNames.requireCollection(query.collection());
    com.google.cloud.firestore.Query q = client().collection(query.collection());
    for (Query.Filter filter : query.filters()) {
      q = q.whereEqualTo(FieldPath.of(filter.field()), FirestoreValues.toFirestore(filter.value()));
    }
    if (query.idPrefix() != null) {
      q = q.whereGreaterThanOrEqualTo(FieldPath.documentId(), query.idPrefix())
          .whereLessThan(FieldPath.documentId(), Query.idPrefixEnd(query.idPrefix()));
    }
    Query.Range range = query.range();
    if (range != null && range.from() != null) {
      q = q.whereGreaterThanOrEqualTo(FieldPath.of(range.field()), range.from());
    }
    if (range != null && range.until() != null) {
      q = q.whereLessThan(FieldPath.of(range.field()), range.until());
    }
    com.google.cloud.firestore.Query.Direction way = query.direction() == Direction.ASCENDING
        ? com.google.cloud.firestore.Query.Direction.ASCENDING
        : com.google.cloud.firestore.Query.Direction.DESCENDING;
    if (query.orderBy() != null) {
      q = q.orderBy(FieldPath.of(query.orderBy()), way);
    }
    q = q.orderBy(FieldPath.documentId(), way);
    if (after != null && query.orderBy() == null) {
      q = q.startAfter(after.lastId());
    } else if (after != null) {
      q = q.startAfter(FirestoreValues.toFirestore(after.lastValue()), after.lastId());
    }
    return q.limit(query.limit() + 1);
  }

  private static Page page(Query query, QuerySnapshot snapshot) {
    List<Document> items = new ArrayList<>();
    for (DocumentSnapshot doc : snapshot.getDocuments()) {
      if (items.size() == query.limit()) {
        DocumentSnapshot last = snapshot.getDocuments().get(items.size() - 1);
        Object lastValue = query.orderBy() == null ? null : last.get(FieldPath.of(query.orderBy()));
        String next = new FirestoreCursor(query.collection(), query.orderBy(), query.direction(),
            FirestoreValues.toJson(lastValue), last.getId()).encode();
        return new Page(items, next);
      }
      items.add(new Document(query.collection(), doc.getId(), data(doc)));
    }
    return new Page(items, null);
  }

  private static Optional<Document> document(String collection, DocumentSnapshot snapshot) {
    return snapshot.exists()
        ? Optional.of(new Document(collection, snapshot.getId(), data(snapshot)))
        : Optional.empty();
  }

  private static JsonObject data(DocumentSnapshot snapshot) {
    Map<String, Object> fields = snapshot.getData();
    return fields == null ? new JsonObject() : FirestoreValues.toJson(fields);
  }

  private <T> T await(ApiFuture<T> future, String what) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + what + " on " + description, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof StoreFailure failure) {
        throw failure;
      }
      if (cause instanceof RuntimeException r && !(cause instanceof ApiException)
          && !(cause instanceof FirestoreException)) {
        // thrown by a transaction's body (or by this store's own checks in it): the caller's own
        throw r;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      if (transientFailure(cause)) {
        throw new FirestoreBusyException(what + " could not finish on " + description + " for now: "
            + cause.getMessage(), cause);
      }
      throw new StoreFailure(what + " failed on " + description + ": " + cause.getMessage(), cause);
    }
  }

  /**
   * Whether trying again later may succeed: a transaction out of attempts against concurrent ones
   * (ABORTED), Firestore unreachable or overloaded, or too slow.
   */
  static boolean transientFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApiException api) {
        StatusCode.Code code = api.getStatusCode().getCode();
        return code == StatusCode.Code.ABORTED || code == StatusCode.Code.UNAVAILABLE
            || code == StatusCode.Code.DEADLINE_EXCEEDED || code == StatusCode.Code.RESOURCE_EXHAUSTED;
      }
      if (t instanceof FirestoreException fe && fe.getStatus() != null) {
        Status.Code code = fe.getStatus().getCode();
        return code == Status.Code.ABORTED || code == Status.Code.UNAVAILABLE
            || code == Status.Code.DEADLINE_EXCEEDED || code == Status.Code.RESOURCE_EXHAUSTED;
      }
    }
    return false;
  }

  /** A Firestore failure that may pass: the gateway answers 503, a task is retried. */
  static final class FirestoreBusyException extends StoreBusyException {
    private static final long serialVersionUID = 1L;

    FirestoreBusyException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Waits for a read inside a transaction's body. Firestore's own failures are thrown as they are,
   * so that its transaction runner sees an aborted read and runs the body again.
   */
  private <T> T awaitInTransaction(ApiFuture<T> future, String what) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + what + " in a transaction on " + description, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new StoreFailure(what + " in a transaction failed on " + description + ": " + e.getCause(), e.getCause());
    }
  }

  static boolean alreadyExists(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApiException api && api.getStatusCode().getCode() == StatusCode.Code.ALREADY_EXISTS) {
        return true;
      }
      if (t instanceof FirestoreException fe && fe.getStatus() != null
          && fe.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        return true;
      }
      if (t instanceof io.grpc.StatusRuntimeException sre && sre.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        return true;
      }
    }
    return false;
  }

  /** A failure of Firestore itself, as opposed to one the caller's transaction body threw. */
  private static final class StoreFailure extends FirestoreStoreException {
    private static final long serialVersionUID = 1L;

    StoreFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * One attempt of a transaction. Its reads go to Firestore's transaction and see one snapshot; its
   * writes are buffered by Firestore until the body returns. Valid only while the body runs.
   */
  private final class FirestoreTransaction implements Transaction {
    private final com.google.cloud.firestore.Transaction transaction;
    private final List<String[]> creates = new ArrayList<>();
    private final List<Added> increments = new ArrayList<>();
    private boolean wrote;
    private volatile boolean ended;

    FirestoreTransaction(com.google.cloud.firestore.Transaction transaction) {
      this.transaction = transaction;
    }

    @Override
    public Optional<Document> get(String collection, String id) {
      requireReadable();
      DocumentReference ref = reference(collection, id);
      return document(collection, awaitInTransaction(transaction.get(ref), "get " + ref.getPath()));
    }

    @Override
    public List<Optional<Document>> getAll(String collection, List<String> ids) {
      requireReadable();
      if (ids.isEmpty()) {
        return List.of();
      }
      DocumentReference[] refs = references(collection, ids);
      return inOrder(collection, ids,
          awaitInTransaction(transaction.getAll(refs), "get " + refs.length + " of " + collection));
    }

    @Override
    public Page query(Query query) {
      Objects.requireNonNull(query, "query");
      requireReadable();
      return page(query, awaitInTransaction(transaction.get(firestoreQuery(query)), "query " + query.collection()));
    }

    @Override
    public void create(String collection, String id, JsonObject data) {
      requireActive();
      DocumentReference ref = reference(collection, id);
      transaction.create(ref, FirestoreValues.toFirestore(Objects.requireNonNull(data, "data")));
      creates.add(new String[] {collection, id});
      wrote = true;
    }

    @Override
    public void set(String collection, String id, JsonObject data) {
      requireActive();
      DocumentReference ref = reference(collection, id);
      transaction.set(ref, FirestoreValues.toFirestore(Objects.requireNonNull(data, "data")));
      wrote = true;
    }

    @Override
    public void delete(String collection, String id) {
      requireActive();
      transaction.delete(reference(collection, id));
      wrote = true;
    }

    @Override
    public Added increment(String collection, String id, JsonObject fields, JsonObject deltas) {
      Increments.check(fields, deltas);
      requireActive();
      Added added = new Added(collection, id, deltas);
      increments.add(added);
      Map<String, Object> data = new HashMap<>(FirestoreValues.toFirestore(fields));
      for (Map.Entry<String, com.google.gson.JsonElement> e : deltas.entrySet()) {
        // Added as the number would be stored: an integer stays one, anything else is a double.
        Object delta = FirestoreValues.number(e.getValue().getAsNumber());
        data.put(e.getKey(), delta instanceof Long whole ? FieldValue.increment(whole)
            : FieldValue.increment((Double) delta));
      }
      // mergeFields: exactly these fields change, each replaced whole; the rest of the document stays.
      transaction.set(reference(collection, id), data, SetOptions.mergeFields(new ArrayList<>(data.keySet())));
      wrote = true;
      return added;
    }

    void end() {
      ended = true;
    }

    /** The exception for a commit Firestore refused because a created document exists. */
    DocumentExistsException existing(Throwable failure) {
      return FirestoreNames.existing(failure, creates);
    }

    private void requireReadable() {
      requireActive();
      if (wrote) {
        throw new IllegalStateException("all reads of a transaction must come before its first write");
      }
    }

    private void requireActive() {
      if (ended) {
        throw new IllegalStateException("the transaction has ended; use the store or a new transaction");
      }
    }
  }

  /**
   * Settings of a {@link FirestoreDocumentStore}; each setter checks its argument. Building makes
   * no client: that happens on the store's first use.
   */
  public static final class Builder {
    private String projectId;
    private String databaseId = "(default)";
    private String emulatorHost;
    private int transactionAttempts = DEFAULT_TRANSACTION_ATTEMPTS;

    private Builder() {}

    /** The Google Cloud project; unset, the client finds it (GOOGLE_CLOUD_PROJECT, credentials, metadata). */
    public Builder projectId(String projectId) {
      FirestoreNames.requireNotBlank(projectId, "projectId");
      this.projectId = projectId;
      return this;
    }

    /** The Firestore database; default {@code (default)}. */
    public Builder databaseId(String databaseId) {
      FirestoreNames.requireNotBlank(databaseId, "databaseId");
      this.databaseId = databaseId;
      return this;
    }

    /** {@code host:port} of the Firestore emulator; unset in production. */
    public Builder emulatorHost(String emulatorHost) {
      FirestoreNames.requireEmulatorHost(emulatorHost);
      this.emulatorHost = emulatorHost;
      return this;
    }

    /** How many times a transaction may run when concurrent ones conflict with it; 1 to 100. */
    public Builder transactionAttempts(int attempts) {
      this.transactionAttempts = FirestoreNames.requireAttempts(attempts);
      return this;
    }

    public FirestoreDocumentStore build() {
      return new FirestoreDocumentStore(connector(), description(), transactionAttempts);
    }

    /** What the store says it is in its errors. */
    String description() {
      return "Firestore " + (projectId == null ? "(project from the environment)" : projectId)
          + "/" + databaseId + (emulatorHost == null ? "" : " on the emulator at " + emulatorHost);
    }

    /** Makes a client of these settings each time it is called (the change feed has one of its own). */
    Supplier<Firestore> connector() {
      String project = projectId;
      String database = databaseId;
      String emulator = emulatorHost;
      return () -> {
        FirestoreOptions.Builder options = FirestoreOptions.newBuilder().setDatabaseId(database);
        if (project != null) {
          options.setProjectId(project);
        }
        if (emulator != null) {
          options.setEmulatorHost(emulator);
        }
        return options.build().getService();
      };
    }
  }
}
