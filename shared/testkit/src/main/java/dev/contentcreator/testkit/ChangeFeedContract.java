package dev.contentcreator.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.ChangeFeed;
import dev.contentcreator.core.ports.DocumentStore;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link ChangeFeed} adapter must show, with the documents store whose writes it
 * reports. Extend it and return both, fresh and empty, from {@link #newPair()}. A watch hears of a
 * write to its item's documents in every watched collection, deletes included, only once the write
 * can be read, and nothing of another item's or after it is closed.
 */
@Timeout(60)
public abstract class ChangeFeedContract {
  /** How long a test waits for news that must come. */
  private static final long WAIT_S = 20;

  /** A store and the feed that reports its writes. */
  public record Pair(DocumentStore store, ChangeFeed feed) {}

  /** A fresh, empty store and its feed; called once before each test. */
  protected abstract Pair newPair();

  protected DocumentStore store;
  protected ChangeFeed feed;

  @BeforeEach
  final void open() {
    Pair pair = newPair();
    assertNotNull(pair, "newPair() returned null");
    store = pair.store();
    feed = pair.feed();
  }

  @AfterEach
  final void close() {
    feed.close();
    store.close();
  }

  private static JsonObject of(String projectId, String contentId) {
    JsonObject o = new JsonObject();
    o.addProperty("projectId", projectId);
    o.addProperty("contentId", contentId);
    o.addProperty("body", "hello");
    return o;
  }

  /** The next news within the wait, failing when none comes. */
  private static String next(BlockingQueue<String> news) throws InterruptedException {
    String n = news.poll(WAIT_S, TimeUnit.SECONDS);
    assertNotNull(n, "no news came within " + WAIT_S + " s");
    return n;
  }

  /** Waits for news of {@code collection}, skipping others. */
  private static void awaitNews(BlockingQueue<String> news, String collection) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (System.nanoTime() < end) {
      String n = news.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (collection.equals(n)) {
        return;
      }
    }
    throw new AssertionError("no news of " + collection + " came within " + WAIT_S + " s");
  }

  @Test
  void aCommentWrittenOnTheItemIsNewsOfCommentsAndCanBeReadWhenItComes() throws Exception {
    BlockingQueue<String> news = new LinkedBlockingQueue<>();
    BlockingQueue<Boolean> readable = new LinkedBlockingQueue<>();
    try (ChangeFeed.Watch w = feed.watch("p1", "c1", c -> {
      readable.add(store.get("comments", "m1").isPresent());
      news.add(c);
    })) {
      store.transaction(tx -> {
        tx.create("comments", "m1", of("p1", "c1"));
        return null;
      });
      assertEquals("comments", next(news));
      assertEquals(Boolean.TRUE, readable.poll(), "the news came before the write could be read");
    }
  }

  @Test
  void everyWatchedCollectionIsNewsUnderItsName() throws Exception {
    BlockingQueue<String> news = new LinkedBlockingQueue<>();
    try (ChangeFeed.Watch w = feed.watch("p1", "c1", news::add)) {
      JsonObject item = new JsonObject();
      item.addProperty("projectId", "p1");
      item.addProperty("title", "Poster");
      store.set("contents", "c1", item);
      awaitNews(news, "contents");
      for (String collection : List.of("versions", "reviews", "presence")) {
        store.set(collection, "c1_" + collection, of("p1", "c1"));
        awaitNews(news, collection);
      }
    }
  }

  @Test
  void aDeleteOfADocumentReadFirstIsNews() throws Exception {
    store.create("comments", "m2", of("p1", "c1"));
    BlockingQueue<String> news = new LinkedBlockingQueue<>();
    try (ChangeFeed.Watch w = feed.watch("p1", "c1", news::add)) {
      store.transaction(tx -> {
        tx.get("comments", "m2").orElseThrow();
        tx.delete("comments", "m2");
        return null;
      });
      awaitNews(news, "comments");
    }
  }

  @Test
  void anotherItemsWriteIsNoNewsHere() throws Exception {
    BlockingQueue<String> here = new LinkedBlockingQueue<>();
    BlockingQueue<String> there = new LinkedBlockingQueue<>();
    try (ChangeFeed.Watch a = feed.watch("p1", "c1", here::add);
        ChangeFeed.Watch b = feed.watch("p1", "c2", there::add)) {
      store.create("comments", "m3", of("p1", "c2"));
      assertEquals("comments", next(there));
      // The same item id in another project is another item too.
      store.create("comments", "m4", of("p2", "c1"));
      store.create("comments", "m5", of("p1", "c2"));
      assertEquals("comments", next(there));
      assertTrue(here.isEmpty(), "c1 heard of c2's writes: " + here);
    }
  }

  @Test
  void aClosedWatchHearsNothingMore() throws Exception {
    BlockingQueue<String> closed = new LinkedBlockingQueue<>();
    BlockingQueue<String> open = new LinkedBlockingQueue<>();
    ChangeFeed.Watch first = feed.watch("p1", "c1", closed::add);
    try (ChangeFeed.Watch second = feed.watch("p1", "c1", open::add)) {
      store.create("comments", "m6", of("p1", "c1"));
      assertEquals("comments", next(open));
      assertEquals("comments", next(closed));
      first.close();
      first.close(); // closing twice is harmless
      // What it heard before close returned (a feed may tell of m6 more than once) is not the point:
      // from here on it must hear nothing.
      closed.clear();
      store.create("comments", "m7", of("p1", "c1"));
      assertEquals("comments", next(open));
      assertTrue(closed.isEmpty(), "a closed watch still heard: " + closed);
    }
  }
}
