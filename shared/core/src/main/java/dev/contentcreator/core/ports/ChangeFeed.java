package dev.contentcreator.core.ports;

import java.util.Set;
import java.util.function.Consumer;

/**
 * News that something of one content item changed: its document, a version, a comment, a review
 * record or who is viewing it. What changed is named by its collection; the listener reads the
 * rest. News may come more than once or for a write that changed nothing, never before the write
 * can be read.
 *
 * <p>Adapters: in-process on one machine (told by the documents adapter after each commit), and
 * Firestore's listeners in production, which see the writes of every instance. Both pass
 * {@code ChangeFeedContract}.
 */
public interface ChangeFeed extends AutoCloseable {
  /** The collections whose documents name a content item ({@code contentId}) and are watched. */
  Set<String> COLLECTIONS = Set.of("contents", "versions", "comments", "reviews", "presence");

  /**
   * Calls {@code listener} with a collection of {@link #COLLECTIONS} whenever a document of it that
   * belongs to {@code contentId} of {@code projectId} is written or deleted, until the handle is
   * closed. The listener must be quick: it runs on the feed's thread.
   */
  Watch watch(String projectId, String contentId, Consumer<String> listener);

  /** A watch, ended by {@link #close}. */
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }

  @Override
  default void close() {}
}
