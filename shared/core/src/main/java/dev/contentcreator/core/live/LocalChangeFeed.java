package dev.contentcreator.core.live;

import dev.contentcreator.core.ports.ChangeFeed;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The change feed of one process: {@link WatchedDocuments} tells it of each committed write, and it
 * tells the watches of that item. Right for the local server, where every write is this process's;
 * in production, where writes come from many instances, Firestore's listeners are the feed.
 */
public final class LocalChangeFeed implements ChangeFeed {
  private final Map<String, List<Consumer<String>>> watches = new ConcurrentHashMap<>();

  @Override
  public Watch watch(String projectId, String contentId, Consumer<String> listener) {
    Objects.requireNonNull(listener, "listener");
    String key = key(projectId, contentId);
    watches.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(listener);
    return () -> watches.computeIfPresent(key, (k, list) -> {
      list.remove(listener);
      return list.isEmpty() ? null : list;
    });
  }

  /** Tells the watches of the item that a document of {@code collection} changed. */
  void changed(String projectId, String contentId, String collection) {
    List<Consumer<String>> of = watches.get(key(projectId, contentId));
    if (of == null) {
      return;
    }
    for (Consumer<String> listener : of) {
      try {
        listener.accept(collection);
      } catch (RuntimeException e) {
        dev.contentcreator.core.log.Log.error("a change listener failed", e);
      }
    }
  }

  /** Whether anyone watches the item: the store skips the work for the many items nobody does. */
  boolean watched(String projectId, String contentId) {
    return watches.containsKey(key(projectId, contentId));
  }

  private static String key(String projectId, String contentId) {
    return Objects.requireNonNull(projectId, "projectId") + "/" + Objects.requireNonNull(contentId, "contentId");
  }
}
