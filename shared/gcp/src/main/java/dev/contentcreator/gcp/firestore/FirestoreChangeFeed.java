package dev.contentcreator.gcp.firestore;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.ListenerRegistration;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.ChangeFeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The change feed of production: Firestore's listeners, which see the writes of every instance. A
 * watch listens to the item's document and to a query per other collection of
 * {@link ChangeFeed#COLLECTIONS} ({@code contentId} and {@code projectId} equal to the item's); the
 * first snapshot of each is the state when the watch began, so only the ones after it are news, and
 * {@link #watch} returns once every listener has had it. The client is made on first use and closed
 * with the feed, after the listeners still open.
 */
public final class FirestoreChangeFeed implements ChangeFeed {
  /** The longest a watch waits for its listeners' starting states. */
  static final Duration START_WAIT = Duration.ofSeconds(10);

  private final Supplier<Firestore> connector;
  /** The registrations of open watches, removed on close before the client goes. */
  private final Set<List<ListenerRegistration>> live = Collections.newSetFromMap(new IdentityHashMap<>());
  private Firestore client;
  private boolean closed;

  FirestoreChangeFeed(Supplier<Firestore> connector) {
    this.connector = Objects.requireNonNull(connector, "connector");
  }

  @Override
  public Watch watch(String projectId, String contentId, Consumer<String> listener) {
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(contentId, "contentId");
    Objects.requireNonNull(listener, "listener");
    Firestore db = client();
    List<ListenerRegistration> registrations = new ArrayList<>();
    AtomicBoolean open = new AtomicBoolean(true);
    CountDownLatch started = new CountDownLatch(ChangeFeed.COLLECTIONS.size());
    for (String collection : ChangeFeed.COLLECTIONS) {
      AtomicBoolean first = new AtomicBoolean(true);
      if (collection.equals(ContentService.CONTENTS)) {
        registrations.add(db.collection(collection).document(contentId).addSnapshotListener((snap, error) ->
            news(collection, first, started, open, error, listener)));
      } else {
        registrations.add(db.collection(collection).whereEqualTo("contentId", contentId)
            .whereEqualTo("projectId", projectId).addSnapshotListener((snap, error) ->
                news(collection, first, started, open, error, listener)));
      }
    }
    Watch watch = () -> {
      if (open.getAndSet(false)) {
        synchronized (open) {
          // Waits for a listener being told right now: once close returns, the watch hears nothing.
        }
        registrations.forEach(ListenerRegistration::remove);
        synchronized (this) {
          live.remove(registrations);
        }
      }
    };
    synchronized (this) {
      live.add(registrations);
    }
    // A write made before a listener's first snapshot would be in that snapshot, which is not news:
    // the watch begins once every listener has its starting state.
    try {
      if (!started.await(START_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        Log.warning("Firestore listeners on content " + contentId + " took over " + START_WAIT.toSeconds()
            + " s to start; news may be late");
      }
    } catch (InterruptedException e) {
      watch.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting a watch", e);
    }
    return watch;
  }

  private static void news(String collection, AtomicBoolean first, CountDownLatch started, AtomicBoolean open,
      Exception error, Consumer<String> listener) {
    if (error != null) {
      Log.warning("a Firestore listener on " + collection + " stopped: " + error);
      if (first.getAndSet(false)) {
        started.countDown();
      }
      return;
    }
    if (first.getAndSet(false)) {
      started.countDown();
      return;
    }
    synchronized (open) {
      if (!open.get()) {
        return;
      }
      try {
        listener.accept(collection);
      } catch (RuntimeException e) {
        Log.error("a change listener failed", e);
      }
    }
  }

  private synchronized Firestore client() {
    if (closed) {
      throw new IllegalStateException("the Firestore change feed is closed");
    }
    if (client == null) {
      client = Objects.requireNonNull(connector.get(), "the connector made no client");
    }
    return client;
  }

  @Override
  public synchronized void close() {
    closed = true;
    live.forEach(list -> list.forEach(ListenerRegistration::remove));
    live.clear();
    if (client != null) {
      try {
        client.close();
      } catch (Exception e) {
        Log.warning("closing the Firestore change feed's client failed: " + e);
      }
      client = null;
    }
  }
}
