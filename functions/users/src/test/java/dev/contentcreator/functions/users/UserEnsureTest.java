package dev.contentcreator.functions.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.users.UserService;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A person's record is made once and then only read: a new process's first request runs no transaction. */
class UserEnsureTest {
  @TempDir Path dir;
  private SqliteDocumentStore store;
  private final AtomicInteger transactions = new AtomicInteger();

  /** The store, counting transactions. */
  private DocumentStore counted() {
    return new DocumentStore() {
      @Override public Optional<Document> get(String collection, String id) { return store.get(collection, id); }
      @Override public Page query(Query query) { return store.query(query); }
      @Override public <T> T transaction(TransactionWork<T> work) {
        transactions.incrementAndGet();
        return store.transaction(work);
      }
      @Override public void create(String c, String id, JsonObject data) { store.create(c, id, data); }
      @Override public void set(String c, String id, JsonObject data) { store.set(c, id, data); }
      @Override public void delete(String c, String id) { store.delete(c, id); }
      @Override public void close() { }
    };
  }

  @BeforeEach
  void open() {
    store = SqliteDocumentStore.open(dir.resolve("u.db"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aMatchingRecordIsReadNotWrittenByANewProcess() {
    Caller ana = new Caller("ana", "Ana@Example.com", "Ana", null, true);
    new UserService(counted(), Clock.systemUTC()).ensure(ana);
    assertEquals(1, transactions.get(), "the first sign-in makes the record");

    UserService nextProcess = new UserService(counted(), Clock.systemUTC());
    nextProcess.ensure(ana);
    nextProcess.ensure(ana);
    assertEquals(1, transactions.get(), "a new process reads the record, finds it current, and writes nothing");
  }

  @Test
  void aChangedAddressOrVerificationIsStillWritten() {
    new UserService(counted(), Clock.systemUTC()).ensure(new Caller("bo", "bo@example.com", "Bo", null, false));
    UserService later = new UserService(counted(), Clock.systemUTC());
    later.ensure(new Caller("bo", "bo@example.com", "Bo", null, true));
    assertEquals(2, transactions.get(), "verifying the address is written");
    assertTrue(later.find("bo").orElseThrow().emailVerified());
    later.ensure(new Caller("bo", "bo@new.example.com", "Bo", null, true));
    assertEquals("bo@new.example.com", later.find("bo").orElseThrow().email());
    assertEquals(3, transactions.get());
  }
}
