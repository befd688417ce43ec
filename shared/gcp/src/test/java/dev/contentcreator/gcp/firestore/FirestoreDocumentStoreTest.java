package dev.contentcreator.gcp.firestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.ApiExceptionFactory;
import com.google.api.gax.rpc.NotFoundException;
import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.InvalidCursorException;
import dev.contentcreator.core.ports.Query;
import io.grpc.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the Firestore adapter that need no Firestore. */
class FirestoreDocumentStoreTest {

  @Test
  void findsTheExistingDocumentInProductionAndEmulatorMessages() {
    assertTrue(FirestoreNames.names(
        "ALREADY_EXISTS: Document already exists: projects/p/databases/(default)/documents/users/u1", "users", "u1"));
    assertTrue(FirestoreNames.names(
        "ALREADY_EXISTS: entity already exists: EntityRef{partitionRef=dev~p, path=/users/u1}", "users", "u1"));
  }

  @Test
  void aLongerIdOrAnotherCollectionIsNotTheDocument() {
    assertFalse(FirestoreNames.names("Document already exists: .../documents/users/u10", "users", "u1"));
    assertFalse(FirestoreNames.names("Document already exists: .../documents/audit/u1", "users", "u1"));
  }

  @Test
  void alreadyExistsIsFoundAnywhereInTheCauses() {
    AlreadyExistsException exists = new AlreadyExistsException(
        new RuntimeException("exists"), GrpcStatusCode.of(Status.Code.ALREADY_EXISTS), false);
    NotFoundException missing = new NotFoundException(
        new RuntimeException("missing"), GrpcStatusCode.of(Status.Code.NOT_FOUND), false);

    assertTrue(FirestoreDocumentStore.alreadyExists(new RuntimeException("wrapped", exists)));
    assertTrue(FirestoreDocumentStore.alreadyExists(Status.ALREADY_EXISTS.asRuntimeException()));
    assertFalse(FirestoreDocumentStore.alreadyExists(missing));
    assertFalse(FirestoreDocumentStore.alreadyExists(new IllegalStateException("other")));
  }

  @Test
  void idsFirestoreRefusesAreRefusedFirst() {
    for (String id : new String[] {"", "a/b", ".", "..", "__x__", "x".repeat(1501)}) {
      assertThrows(IllegalArgumentException.class, () -> FirestoreNames.requireId(id), "id '" + id + "'");
    }
    assertEquals("p1_u1", FirestoreNames.requireId("p1_u1"));
    assertEquals("_x_", FirestoreNames.requireId("_x_"));
  }

  @Test
  void collectionsAreLowerCaseNames() {
    assertThrows(IllegalArgumentException.class, () -> FirestoreNames.requireCollection("Users"));
    assertThrows(IllegalArgumentException.class, () -> FirestoreNames.requireCollection("users/u1/items"));
    assertEquals("batchruns", FirestoreNames.requireCollection("batchruns"));
  }

  @Test
  void builderChecksEverySetting() {
    FirestoreDocumentStore.Builder builder = FirestoreDocumentStore.builder();

    assertThrows(IllegalArgumentException.class, () -> builder.projectId(" "));
    assertThrows(IllegalArgumentException.class, () -> builder.databaseId(""));
    assertThrows(IllegalArgumentException.class, () -> builder.emulatorHost("localhost"));
    assertThrows(IllegalArgumentException.class, () -> builder.transactionAttempts(101));
    assertThrows(NullPointerException.class, () -> builder.projectId(null));
  }

  @Test
  void badArgumentsAreRefusedBeforeAnyClientIsMade() {
    FirestoreDocumentStore store = FirestoreDocumentStore.using(() -> {
      throw new AssertionError("no client should be made for a bad argument");
    }, 5);

    assertThrows(IllegalArgumentException.class, () -> store.get("users", "a/b"));
    assertThrows(IllegalArgumentException.class, () -> store.set("Users", "u1", new JsonObject()));
    assertThrows(InvalidCursorException.class, () -> store.query(Query.on("users").startAfter("garbage").build()));
    assertFalse(store.connected());
  }

  @Test
  void buildingConnectsToNothing() {
    FirestoreDocumentStore store = FirestoreDocumentStore.builder().projectId("demo-x").emulatorHost("127.0.0.1:1").build();

    assertFalse(store.connected());
    store.close();
    assertThrows(IllegalStateException.class, () -> store.get("users", "u1"));
  }

  @Test
  void contentionAndOutagesMayPassButRefusalsDoNot() {
    for (Status.Code code : List.of(Status.Code.ABORTED, Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
        Status.Code.RESOURCE_EXHAUSTED)) {
      Throwable failure = new RuntimeException("wrapped", ApiExceptionFactory.createException(
          new RuntimeException(code.name()), GrpcStatusCode.of(code), true));
      assertTrue(FirestoreDocumentStore.transientFailure(failure), code.name());
    }
    for (Status.Code code : List.of(Status.Code.PERMISSION_DENIED, Status.Code.INVALID_ARGUMENT,
        Status.Code.FAILED_PRECONDITION, Status.Code.ALREADY_EXISTS)) {
      assertFalse(FirestoreDocumentStore.transientFailure(ApiExceptionFactory.createException(
          new RuntimeException(code.name()), GrpcStatusCode.of(code), false)), code.name());
    }
    assertFalse(FirestoreDocumentStore.transientFailure(new IllegalStateException("not Firestore's")));
  }
}
