package dev.contentcreator.gcp.firestore;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.contentcreator.core.ports.Added;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentExistsException;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Increments;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.Query.Direction;
import dev.contentcreator.core.ports.StoreBusyException;
import dev.contentcreator.gcp.auth.AccessTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The documents port on Cloud Firestore through its REST API, with the JDK's HTTP client and Gson:
 * the same documents, queries, cursors and transactions as {@link FirestoreDocumentStore}, without
 * the Firestore client's gRPC, Netty, gax and protobuf (some 1,900 classes a new function instance
 * would load and run before its first read; docs/architecture.md, "Cold starts").
 *
 * <p>Documents are stored exactly as the gRPC store stores them ({@link FirestoreRestValues}), so
 * either store reads what the other wrote, and rules and the web SDK see the same native fields.
 * Every read is one call: a document or several of one collection by {@code documents:batchGet},
 * a query by {@code documents:runQuery} ordered by its field and then the document id, with a cursor
 * of the last document's order value and id ({@link FirestoreCursor}).
 *
 * <p>A transaction begins with its first read, which asks Firestore for it ({@code newTransaction})
 * and learns its id from the answer, so no call of its own ({@code beginTransaction}) is spent on
 * it; its later reads name it, and its writes are sent together by {@code commit}. A transaction
 * that reads nothing commits its writes as one atomic batch without a transaction. When Firestore
 * aborts one because a concurrent transaction holds or won its documents, the body runs again in a
 * new one that names the aborted one ({@code retryTransaction}, which keeps its place in
 * Firestore's lock queue), after a jittered
 * backoff, up to the set number of attempts; then the caller gets {@link StoreBusyException}. A
 * create that meets an existing document fails the whole transaction with
 * {@link DocumentExistsException}. The body runs on the caller's thread.
 *
 * <p>The HTTP client is made on first use, once. Thread-safe.
 */
public final class FirestoreRestDocumentStore implements DocumentStore {
  /** Google's address of the API; the emulator's is {@code http://host:port/v1}. */
  public static final String GOOGLE_API = "https://firestore.googleapis.com/v1";
  static final String SCOPE = "https://www.googleapis.com/auth/datastore";

  /** How long one call may take: Firestore's own deadline for a commit. */
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
  /** The ceiling of the first wait after an aborted attempt, and the highest; see {@link #backoff}. */
  private static final long FIRST_BACKOFF_MS = 1000;
  private static final long LONGEST_BACKOFF_MS = 32_000;
  /** A field name the REST API takes unquoted in a field path; others go in backquotes. */
  private static final Pattern SIMPLE_FIELD = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");
  /** Kinds of Firestore error after which the same call may succeed later. */
  private static final Set<String> TRANSIENT = Set.of("ABORTED", "UNAVAILABLE", "DEADLINE_EXCEEDED",
      "RESOURCE_EXHAUSTED");

  /**
   * Calls in flight at once. On HTTP/2 all of them share one connection, and the JDK's client fails a
   * call at once rather than queue it when the server's stream limit (100 at Google) is reached, so
   * calls past this many wait here instead. A function instance serves at most 80 requests at once.
   */
  static final int MAX_IN_FLIGHT = 90;

  private static final ThreadLocal<Boolean> IN_TRANSACTION = new ThreadLocal<>();

  private final String apiUrl;
  private final Supplier<String> projectId;
  private final String databaseId;
  private final AccessTokens tokens;
  private final boolean emulator;
  private final int transactionAttempts;
  private final String description;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private HttpClient http;
  private volatile String documents;
  private boolean closed;

  private FirestoreRestDocumentStore(Builder b) {
    this.apiUrl = b.apiUrl;
    this.projectId = b.projectId;
    this.databaseId = b.databaseId;
    this.tokens = b.tokens;
    this.emulator = b.emulator;
    this.transactionAttempts = b.transactionAttempts;
    this.description = b.description;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Optional<Document> get(String collection, String id) {
    return getAll(collection, List.of(id)).get(0);
  }

  @Override
  public List<Optional<Document>> getAll(String collection, List<String> ids) {
    try {
      return readAll(collection, ids, null);
    } catch (Failure f) {
      throw outside(f);
    }
  }

  @Override
  public Page query(Query query) {
    try {
      return runQuery(query, null);
    } catch (Failure f) {
      throw outside(f);
    }
  }

  @Override
  public <T> T transaction(TransactionWork<T> work) {
    Objects.requireNonNull(work, "work");
    if (IN_TRANSACTION.get() != null) {
      // The inner one would wait for the locks the outer one holds until Firestore gave up.
      throw new IllegalStateException("transactions cannot be nested: this thread runs the body of one");
    }
    String previous = null;
    Failure last = null;
    for (int attempt = 1; attempt <= transactionAttempts; attempt++) {
      if (attempt > 1) {
        backoff(attempt - 1);
      }
      RestTransaction tx = new RestTransaction(previous);
      T result;
      IN_TRANSACTION.set(Boolean.TRUE);
      try {
        result = work.run(tx);
      } catch (Failure f) {
        rollbackQuietly(tx.id);
        if (f.mayPassInANewTransaction()) {
          last = f;
          continue;
        }
        throw f;
      } catch (RuntimeException | Error e) {
        rollbackQuietly(tx.id);
        throw e;
      } finally {
        IN_TRANSACTION.remove();
        tx.end();
        if (tx.id != null) {
          previous = tx.id; // a later attempt names the last one that began
        }
      }
      try {
        tellIncrements(tx, commit(tx.writes, tx.id, "commit of a transaction"));
        return result;
      } catch (Failure f) {
        // A refused commit may still hold its read locks (the emulator keeps them until told).
        rollbackQuietly(tx.id);
        if ("ALREADY_EXISTS".equals(f.status)) {
          throw tx.existing(f);
        }
        if (!f.mayPassInANewTransaction()) {
          throw f;
        }
        last = f;
      }
    }
    throw new StoreBusyException("a transaction could not finish in " + transactionAttempts + " attempts on "
        + description + ": " + (last == null ? "no attempt" : last.getMessage()), last);
  }

  @Override
  public void create(String collection, String id, JsonObject data) {
    JsonArray writes = new JsonArray();
    writes.add(write(collection, id, Objects.requireNonNull(data, "data"), true));
    try {
      commit(writes, null, "create " + collection + "/" + id);
    } catch (Failure f) {
      if ("ALREADY_EXISTS".equals(f.status)) {
        throw new DocumentExistsException(collection, id);
      }
      throw outside(f);
    }
  }

  @Override
  public void set(String collection, String id, JsonObject data) {
    JsonArray writes = new JsonArray();
    writes.add(write(collection, id, Objects.requireNonNull(data, "data"), false));
    try {
      commit(writes, null, "set " + collection + "/" + id);
    } catch (Failure f) {
      throw outside(f);
    }
  }

  @Override
  public void delete(String collection, String id) {
    JsonArray writes = new JsonArray();
    writes.add(deletion(collection, id));
    try {
      commit(writes, null, "delete " + collection + "/" + id);
    } catch (Failure f) {
      throw outside(f);
    }
  }

  /** Later calls fail. The JDK's client has nothing to close on Java 17; its threads end when idle. */
  @Override
  public synchronized void close() {
    closed = true;
  }

  /** Whether the HTTP client has been made: it is made on first use, not when the store is built. */
  synchronized boolean connected() {
    return http != null;
  }

  // ---- reads

  /** A read, outside any transaction ({@code tx} null) or as one of {@code tx}'s (its first begins it). */
  private List<Optional<Document>> readAll(String collection, List<String> ids, RestTransaction tx) {
    FirestoreNames.requireCollection(collection);
    List<Key> keys = new ArrayList<>(ids.size());
    for (String id : ids) {
      keys.add(new Key(collection, id));
    }
    return read(keys, tx, "get " + new LinkedHashSet<>(ids).size() + " of " + collection);
  }

  /** Documents of any collections in one batched read, outside a transaction or as one of {@code tx}'s. */
  private List<Optional<Document>> read(List<Key> keys, RestTransaction tx, String what) {
    if (keys.isEmpty()) {
      return List.of();
    }
    // One name per document: Firestore refuses a batched read that names a document twice.
    Set<String> distinct = new LinkedHashSet<>();
    for (Key key : keys) {
      distinct.add(name(FirestoreNames.requireCollection(key.collection()), key.id()));
    }
    JsonArray names = new JsonArray();
    distinct.forEach(names::add);
    JsonObject body = new JsonObject();
    body.add("documents", names);
    inTransaction(body, tx);
    JsonArray answers = call(":batchGet", body, what, tx == null).getAsJsonArray();
    Map<String, JsonObject> found = new HashMap<>();
    for (JsonElement answer : answers) {
      JsonObject o = answer.getAsJsonObject();
      failIfError(o, what);
      begun(o, tx);
      JsonElement doc = o.get("found");
      if (doc != null) {
        found.put(doc.getAsJsonObject().get("name").getAsString(), doc.getAsJsonObject());
      }
    }
    requireBegun(tx, what);
    List<Optional<Document>> result = new ArrayList<>(keys.size());
    for (Key key : keys) {
      JsonObject doc = found.get(name(key.collection(), key.id()));
      result.add(doc == null ? Optional.empty() : Optional.of(document(key.collection(), doc)));
    }
    return result;
  }

  private Page runQuery(Query query, RestTransaction tx) {
    Objects.requireNonNull(query, "query");
    FirestoreCursor after = query.cursor() == null ? null : FirestoreCursor.decodeFor(query);
    String collection = FirestoreNames.requireCollection(query.collection());
    JsonObject structured = new JsonObject();
    JsonArray from = new JsonArray();
    JsonObject selector = new JsonObject();
    selector.addProperty("collectionId", collection);
    from.add(selector);
    structured.add("from", from);
    List<JsonObject> filters = new ArrayList<>();
    for (Query.Filter filter : query.filters()) {
      filters.add(fieldFilter(fieldPath(filter.field()), "EQUAL", FirestoreRestValues.value(filter.value())));
    }
    if (query.idPrefix() != null) {
      filters.add(fieldFilter("__name__", "GREATER_THAN_OR_EQUAL", reference(collection, query.idPrefix())));
      filters.add(fieldFilter("__name__", "LESS_THAN", reference(collection, Query.idPrefixEnd(query.idPrefix()))));
    }
    Query.Range range = query.range();
    if (range != null && range.from() != null) {
      filters.add(fieldFilter(fieldPath(range.field()), "GREATER_THAN_OR_EQUAL", string(range.from())));
    }
    if (range != null && range.until() != null) {
      filters.add(fieldFilter(fieldPath(range.field()), "LESS_THAN", string(range.until())));
    }
    if (filters.size() == 1) {
      structured.add("where", filters.get(0));
    } else if (filters.size() > 1) {
      JsonObject composite = new JsonObject();
      composite.addProperty("op", "AND");
      JsonArray all = new JsonArray();
      filters.forEach(all::add);
      composite.add("filters", all);
      JsonObject where = new JsonObject();
      where.add("compositeFilter", composite);
      structured.add("where", where);
    }
    String way = query.direction() == Direction.ASCENDING ? "ASCENDING" : "DESCENDING";
    JsonArray orderBy = new JsonArray();
    if (query.orderBy() != null) {
      orderBy.add(order(fieldPath(query.orderBy()), way));
    }
    orderBy.add(order("__name__", way));
    structured.add("orderBy", orderBy);
    if (after != null) {
      JsonArray values = new JsonArray();
      if (query.orderBy() != null) {
        values.add(FirestoreRestValues.value(after.lastValue()));
      }
      values.add(reference(collection, after.lastId()));
      JsonObject startAt = new JsonObject();
      startAt.add("values", values);
      startAt.addProperty("before", false);
      structured.add("startAt", startAt);
    }
    structured.addProperty("limit", query.limit() + 1);
    JsonObject body = new JsonObject();
    body.add("structuredQuery", structured);
    inTransaction(body, tx);
    String what = "query " + collection;
    JsonArray answers = call(":runQuery", body, what, tx == null).getAsJsonArray();
    List<JsonObject> docs = new ArrayList<>();
    for (JsonElement answer : answers) {
      JsonObject o = answer.getAsJsonObject();
      failIfError(o, what);
      begun(o, tx);
      if (o.has("document")) {
        docs.add(o.getAsJsonObject("document"));
      }
    }
    requireBegun(tx, what);
    List<Document> items = new ArrayList<>();
    for (JsonObject doc : docs) {
      if (items.size() == query.limit()) {
        Document last = items.get(items.size() - 1);
        JsonElement lastValue = null;
        if (query.orderBy() != null) {
          JsonObject fields = docs.get(items.size() - 1).getAsJsonObject("fields");
          JsonElement raw = fields == null ? null : fields.get(query.orderBy());
          lastValue = raw == null ? null : FirestoreRestValues.json(raw.getAsJsonObject());
        }
        String next = new FirestoreCursor(collection, query.orderBy(), query.direction(), lastValue, last.id()).encode();
        return new Page(items, next);
      }
      items.add(document(collection, doc));
    }
    return new Page(items, null);
  }

  private static JsonObject fieldFilter(String path, String op, JsonObject value) {
    JsonObject field = new JsonObject();
    field.addProperty("fieldPath", path);
    JsonObject filter = new JsonObject();
    filter.add("field", field);
    filter.addProperty("op", op);
    filter.add("value", value);
    JsonObject wrapped = new JsonObject();
    wrapped.add("fieldFilter", filter);
    return wrapped;
  }

  private static JsonObject order(String path, String direction) {
    JsonObject field = new JsonObject();
    field.addProperty("fieldPath", path);
    JsonObject order = new JsonObject();
    order.add("field", field);
    order.addProperty("direction", direction);
    return order;
  }

  /**
   * A field of one name as a REST field path: as it is when it is a plain name, else in backquotes
   * with backquotes and backslashes escaped, so that a dot stays part of the name, as the gRPC
   * store's {@code FieldPath.of(name)} reads it.
   */
  static String fieldPath(String field) {
    if (SIMPLE_FIELD.matcher(field).matches()) {
      return field;
    }
    return "`" + field.replace("\\", "\\\\").replace("`", "\\`") + "`";
  }

  private static JsonObject string(String s) {
    JsonObject value = new JsonObject();
    value.addProperty("stringValue", s);
    return value;
  }

  private JsonObject reference(String collection, String id) {
    JsonObject value = new JsonObject();
    value.addProperty("referenceValue", documents() + "/" + collection + "/" + id);
    return value;
  }

  private static Document document(String collection, JsonObject doc) {
    JsonElement fields = doc.get("fields");
    return new Document(collection, idOf(doc), FirestoreRestValues.data(fields == null ? null : fields.getAsJsonObject()));
  }

  /** A document's id: the last segment of its name (ids hold no '/'). */
  private static String idOf(JsonObject doc) {
    String name = doc.get("name").getAsString();
    return name.substring(name.lastIndexOf('/') + 1);
  }

  // ---- writes and transactions

  private JsonObject write(String collection, String id, JsonObject data, boolean mustBeNew) {
    JsonObject doc = new JsonObject();
    doc.addProperty("name", name(collection, id));
    doc.add("fields", FirestoreRestValues.fields(data));
    JsonObject write = new JsonObject();
    write.add("update", doc);
    if (mustBeNew) {
      JsonObject precondition = new JsonObject();
      precondition.addProperty("exists", false);
      write.add("currentDocument", precondition);
    }
    return write;
  }

  /**
   * An update of exactly {@code fields} (the mask: each replaced whole, the rest of the document
   * kept, a missing document made) with an increment transform per delta, which Firestore applies
   * at commit to the value it holds then. The names are plain ({@link Increments}), so each is its
   * own field path.
   */
  private static JsonObject incrementWrite(String name, JsonObject fields, JsonObject deltas) {
    JsonObject doc = new JsonObject();
    doc.addProperty("name", name);
    doc.add("fields", FirestoreRestValues.fields(fields));
    JsonArray paths = new JsonArray();
    fields.keySet().forEach(paths::add);
    JsonObject mask = new JsonObject();
    mask.add("fieldPaths", paths);
    JsonArray transforms = new JsonArray();
    for (Map.Entry<String, JsonElement> e : deltas.entrySet()) {
      JsonObject transform = new JsonObject();
      transform.addProperty("fieldPath", e.getKey());
      transform.add("increment", FirestoreRestValues.value(e.getValue()));
      transforms.add(transform);
    }
    JsonObject write = new JsonObject();
    write.add("update", doc);
    write.add("updateMask", mask);
    write.add("updateTransforms", transforms);
    return write;
  }

  private JsonObject deletion(String collection, String id) {
    JsonObject write = new JsonObject();
    write.addProperty("delete", name(collection, id));
    return write;
  }

  /**
   * Makes a read one of {@code tx}'s: it names the transaction, or, as its first read, asks for a
   * new read-write one that retries {@code tx}'s predecessor when there is one.
   */
  private static void inTransaction(JsonObject body, RestTransaction tx) {
    if (tx == null) {
      return;
    }
    if (tx.id != null) {
      body.addProperty("transaction", tx.id);
      return;
    }
    JsonObject readWrite = new JsonObject();
    if (tx.retrying != null) {
      readWrite.addProperty("retryTransaction", tx.retrying);
    }
    JsonObject options = new JsonObject();
    options.add("readWrite", readWrite);
    body.add("newTransaction", options);
  }

  /** Keeps the id of the transaction a first read began; Firestore sends it in its first answer. */
  private static void begun(JsonObject answer, RestTransaction tx) {
    JsonElement id = answer.get("transaction");
    if (tx != null && tx.id == null && id != null && id.isJsonPrimitive()) {
      tx.id = id.getAsString();
    }
  }

  /**
   * After a transaction's read: it has an id. Without one its writes would be committed outside
   * any transaction, with nothing to hold what it read.
   */
  private static void requireBegun(RestTransaction tx, String what) {
    if (tx != null && tx.id == null) {
      throw new IllegalStateException("Firestore began no transaction for " + what);
    }
  }

  /** Commits {@code writes}; answers Firestore's answer (its write results), or null when there was nothing to send. */
  private JsonObject commit(JsonArray writes, String transaction, String what) {
    if (transaction == null && writes.isEmpty()) {
      return null;
    }
    JsonObject body = new JsonObject();
    body.add("writes", writes);
    if (transaction != null) {
      body.addProperty("transaction", transaction);
    }
    JsonElement answer = call(":commit", body, what, false);
    return answer.isJsonObject() ? answer.getAsJsonObject() : null;
  }

  /**
   * Tells each increment what it left: Firestore answers a commit with one write result per write,
   * in their order, and each increment's transform results in the order of its transforms (the
   * order of its deltas). A result missing from the answer leaves the handle to read the document.
   */
  private void tellIncrements(RestTransaction tx, JsonObject answer) {
    JsonArray results = answer != null && answer.get("writeResults") instanceof JsonArray a ? a : new JsonArray();
    for (Map.Entry<Integer, Added> e : tx.increments.entrySet()) {
      Added added = e.getValue();
      JsonObject totals = totals(results, e.getKey(), added.fields());
      if (totals != null) {
        added.committed(totals);
      } else {
        added.committed(this);
      }
    }
  }

  private static JsonObject totals(JsonArray results, int write, List<String> fields) {
    if (write >= results.size() || !(results.get(write) instanceof JsonObject result)
        || !(result.get("transformResults") instanceof JsonArray values) || values.size() != fields.size()) {
      return null;
    }
    JsonObject totals = new JsonObject();
    for (int i = 0; i < fields.size(); i++) {
      totals.add(fields.get(i), FirestoreRestValues.json(values.get(i).getAsJsonObject()));
    }
    return totals;
  }

  /**
   * Gives the transaction's locks back at once instead of when Firestore times it out; a
   * transaction that never began (no read, or its first read failed before it was told the id)
   * holds none.
   */
  private void rollbackQuietly(String transaction) {
    if (transaction == null) {
      return;
    }
    JsonObject body = new JsonObject();
    body.addProperty("transaction", transaction);
    try {
      call(":rollback", body, "roll back a transaction", false);
    } catch (RuntimeException ignored) {
      // Firestore ends the transaction itself when it expires; nothing was written.
    }
  }

  /**
   * Sleeps before attempt {@code retry + 1} for a random time up to a ceiling that starts at
   * {@link #FIRST_BACKOFF_MS} and doubles each time up to {@link #LONGEST_BACKOFF_MS}, as the
   * Firestore client library does. Transactions that conflicted on the same documents thus spread
   * out instead of meeting again. Shorter ceilings were measured and are worse where locks are held
   * until they time out (the emulator): with a first ceiling of 250 ms, ten 100-item jobs in one
   * project did not finish in 600 s (bench/firestore-jobs.sh), against 101 to 140 s with these.
   */
  private static void backoff(int retry) {
    long ms = ThreadLocalRandom.current().nextLong(backoffCeilingMs(retry) + 1);
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to run a transaction again", e);
    }
  }

  /** The longest wait before attempt {@code retry + 1}. */
  static long backoffCeilingMs(int retry) {
    return (long) Math.min(LONGEST_BACKOFF_MS, FIRST_BACKOFF_MS * Math.pow(2, retry - 1));
  }

  // ---- the wire

  /**
   * POSTs {@code body} to {@code documents{method}} and returns the parsed answer. A Firestore error
   * is thrown as {@link Failure}; so is a call that could not be made, as UNAVAILABLE (or
   * DEADLINE_EXCEEDED when too slow). A read outside a transaction that fails with a transient
   * kind is tried once more at once: it changes nothing.
   */
  private JsonElement call(String method, JsonObject body, String what, boolean idempotent) {
    Failure first;
    try {
      return callOnce(method, body, what);
    } catch (Failure f) {
      if (!idempotent || !f.isTransient() || "ABORTED".equals(f.status)) {
        throw f;
      }
      first = f;
    }
    try {
      return callOnce(method, body, what);
    } catch (Failure again) {
      again.addSuppressed(first);
      throw again;
    }
  }

  private JsonElement callOnce(String method, JsonObject body, String what) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiUrl + "/" + documents() + method))
        .timeout(CALL_TIMEOUT)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    try {
      request.header("Authorization", "Bearer " + tokens.current());
    } catch (IOException e) {
      throw new Failure("UNAUTHENTICATED", what + " on " + description + ": no access token: " + e.getMessage(), e);
    }
    HttpResponse<String> response;
    try {
      inFlight.acquire();
      try {
        response = client().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } finally {
        inFlight.release();
      }
    } catch (HttpTimeoutException e) {
      throw new Failure("DEADLINE_EXCEEDED", what + " took over " + CALL_TIMEOUT.toSeconds() + " s on " + description, e);
    } catch (IOException e) {
      throw new Failure("UNAVAILABLE", what + " could not reach " + description + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + what + " on " + description, e);
    }
    JsonElement answer;
    try {
      answer = JsonParser.parseString(response.body());
    } catch (JsonParseException e) {
      throw new Failure(response.statusCode() >= 500 ? "UNAVAILABLE" : "UNKNOWN", what + " on " + description
          + ": answer " + response.statusCode() + " is not JSON: " + abbreviate(response.body()), e);
    }
    if (response.statusCode() / 100 != 2) {
      JsonObject error = answer.isJsonArray() && !answer.getAsJsonArray().isEmpty()
          ? answer.getAsJsonArray().get(0).getAsJsonObject() : answer.isJsonObject() ? answer.getAsJsonObject() : null;
      if (error != null) {
        failIfError(error, what);
      }
      throw new Failure(response.statusCode() >= 500 ? "UNAVAILABLE" : "UNKNOWN", what + " on " + description
          + ": answer " + response.statusCode() + ": " + abbreviate(response.body()), null);
    }
    return answer;
  }

  /** Throws the {@code error} an answer (or one entry of a streamed answer) carries, if any. */
  private void failIfError(JsonObject answer, String what) {
    JsonElement error = answer.get("error");
    if (error == null || !error.isJsonObject()) {
      return;
    }
    JsonObject e = error.getAsJsonObject();
    String status = e.has("status") ? e.get("status").getAsString() : "UNKNOWN";
    String message = e.has("message") ? e.get("message").getAsString() : "";
    throw new Failure(status, what + " failed on " + description + ": " + status + ": " + message, null);
  }

  /** A failure met outside a transaction's retries, as the port's callers expect it. */
  private RuntimeException outside(Failure f) {
    return f.isTransient()
        ? new StoreBusyException(f.getMessage() + " (may pass when tried again)", f)
        : f;
  }

  private static String abbreviate(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ");
    return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
  }

  private synchronized HttpClient client() {
    if (closed) {
      throw new IllegalStateException("the Firestore document store of " + description + " is closed");
    }
    if (http == null) {
      // The emulator speaks HTTP/1.1 in clear; Google's API HTTP/2, many calls on one connection.
      http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
          .version(emulator ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2).build();
    }
    return http;
  }

  /** {@code projects/<p>/databases/<d>/documents}; the project is found on first use when not set. */
  private String documents() {
    String known = documents;
    if (known == null) {
      synchronized (this) {
        if (documents == null) {
          String project = projectId.get();
          if (project == null || project.isBlank()) {
            throw new IllegalStateException("no Google Cloud project for " + description + ": set GOOGLE_CLOUD_PROJECT");
          }
          documents = "projects/" + project + "/databases/" + databaseId + "/documents";
        }
        known = documents;
      }
    }
    return known;
  }

  private String name(String collection, String id) {
    return documents() + "/" + FirestoreNames.requireCollection(collection) + "/" + FirestoreNames.requireId(id);
  }

  /**
   * Firestore refused or failed a call; {@code status} is its kind ({@code ABORTED},
   * {@code ALREADY_EXISTS}, {@code NOT_FOUND} and so on).
   */
  static final class Failure extends FirestoreStoreException {
    private static final long serialVersionUID = 1L;
    final String status;

    Failure(String status, String message, Throwable cause) {
      super(message, cause);
      this.status = status;
    }

    boolean isTransient() {
      return TRANSIENT.contains(status);
    }

    /**
     * Whether running the transaction again may succeed: a transient failure, or a transaction that
     * expired while its body ran (Firestore says INVALID_ARGUMENT for that).
     */
    boolean mayPassInANewTransaction() {
      return isTransient() || ("INVALID_ARGUMENT".equals(status)
          && String.valueOf(getMessage()).contains("transaction has expired"));
    }
  }

  /**
   * One attempt of a transaction: its reads name it and see one snapshot, its writes wait here
   * until the body returns. Valid only while the body runs.
   */
  private final class RestTransaction implements Transaction {
    /** The aborted attempt this one runs again, or null. */
    private final String retrying;
    /** Firestore's id of this transaction, known once its first read answered; null before. */
    private String id;
    private final JsonArray writes = new JsonArray();
    /** The increments among the writes, by their place in them (the commit answers in that order). */
    private final Map<Integer, Added> increments = new java.util.LinkedHashMap<>();
    /**
     * What {@link #getAll(List)} read, by document name: the transaction holds those documents, so a
     * later read of them is answered from here (null: not read so).
     */
    private final Map<String, Optional<Document>> held = new HashMap<>();
    private final List<String[]> creates = new ArrayList<>();
    private boolean ended;

    RestTransaction(String retrying) {
      this.retrying = retrying;
    }

    @Override
    public Optional<Document> get(String collection, String id) {
      return getAll(collection, List.of(id)).get(0);
    }

    @Override
    public List<Optional<Document>> getAll(String collection, List<String> ids) {
      requireReadable();
      List<Optional<Document>> known = new ArrayList<>(ids.size());
      for (String id : ids) {
        Optional<Document> read = held.get(name(collection, id));
        if (read == null) {
          return readAll(collection, ids, this);
        }
        known.add(read);
      }
      return known;
    }

    /** One batched read; later reads of these documents in this transaction are answered from it. */
    @Override
    public List<Optional<Document>> getAll(List<Key> keys) {
      requireReadable();
      List<Optional<Document>> found = read(keys, this, "get " + keys.size() + " documents");
      for (int i = 0; i < keys.size(); i++) {
        held.put(name(keys.get(i).collection(), keys.get(i).id()), found.get(i));
      }
      return found;
    }

    @Override
    public Page query(Query query) {
      requireReadable();
      return runQuery(query, this);
    }

    @Override
    public void create(String collection, String id, JsonObject data) {
      requireActive();
      writes.add(write(collection, id, Objects.requireNonNull(data, "data"), true));
      creates.add(new String[] {collection, id});
    }

    @Override
    public void set(String collection, String id, JsonObject data) {
      requireActive();
      writes.add(write(collection, id, Objects.requireNonNull(data, "data"), false));
    }

    @Override
    public void delete(String collection, String id) {
      requireActive();
      writes.add(deletion(collection, id));
    }

    @Override
    public Added increment(String collection, String id, JsonObject fields, JsonObject deltas) {
      Increments.check(fields, deltas);
      requireActive();
      Added added = new Added(collection, id, deltas);
      increments.put(writes.size(), added);
      writes.add(incrementWrite(name(collection, id), fields, deltas));
      return added;
    }

    void end() {
      ended = true;
    }

    /** The exception for a commit Firestore refused because a created document exists. */
    DocumentExistsException existing(Failure failure) {
      return FirestoreNames.existing(failure, creates);
    }

    private void requireReadable() {
      requireActive();
      if (!writes.isEmpty()) {
        throw new IllegalStateException("all reads of a transaction must come before its first write");
      }
    }

    private void requireActive() {
      if (ended) {
        throw new IllegalStateException("the transaction has ended; use the store or a new transaction");
      }
    }
  }

  /** Settings of a {@link FirestoreRestDocumentStore}; each setter checks its argument. Building connects to nothing. */
  public static final class Builder {
    private String apiUrl = GOOGLE_API;
    private Supplier<String> projectId;
    private String projectName;
    private String databaseId = "(default)";
    private AccessTokens tokens;
    private boolean emulator;
    private int transactionAttempts = FirestoreDocumentStore.DEFAULT_TRANSACTION_ATTEMPTS;
    private String description;

    private Builder() {}

    /** The Google Cloud project. */
    public Builder projectId(String projectId) {
      FirestoreNames.requireNotBlank(projectId, "projectId");
      this.projectId = () -> projectId;
      this.projectName = projectId;
      return this;
    }

    /** Where the project is found on first use when it is not set (the environment, credentials, metadata). */
    Builder projectFrom(Supplier<String> finder) {
      this.projectId = Objects.requireNonNull(finder, "finder");
      this.projectName = null;
      return this;
    }

    /** The Firestore database; default {@code (default)}. */
    public Builder databaseId(String databaseId) {
      FirestoreNames.requireNotBlank(databaseId, "databaseId");
      this.databaseId = databaseId;
      return this;
    }

    /**
     * {@code host:port} of the Firestore emulator, unset in production: the API is then
     * {@code http://host:port/v1}, and calls carry the emulator's owner token, which passes rules.
     */
    public Builder emulatorHost(String emulatorHost) {
      FirestoreNames.requireEmulatorHost(emulatorHost);
      this.apiUrl = "http://" + emulatorHost + "/v1";
      this.tokens = () -> "owner";
      this.emulator = true;
      return this;
    }

    /** Where access tokens come from; application-default credentials unless set (or on the emulator). */
    public Builder accessTokens(AccessTokens tokens) {
      this.tokens = Objects.requireNonNull(tokens, "tokens");
      return this;
    }

    /** How many times a transaction may run when concurrent ones conflict with it; 1 to 100. */
    public Builder transactionAttempts(int attempts) {
      this.transactionAttempts = FirestoreNames.requireAttempts(attempts);
      return this;
    }

    public FirestoreRestDocumentStore build() {
      if (projectId == null) {
        throw new IllegalStateException("the REST store needs a project: set projectId");
      }
      if (tokens == null) {
        tokens = AccessTokens.applicationDefault(SCOPE);
      }
      description = "Firestore (REST) " + (projectName == null ? "(project from the environment)" : projectName)
          + "/" + databaseId + (emulator ? " on the emulator at " + apiUrl : "");
      return new FirestoreRestDocumentStore(this);
    }
  }
}
