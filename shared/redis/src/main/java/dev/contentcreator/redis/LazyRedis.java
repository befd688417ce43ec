package dev.contentcreator.redis;

import java.net.URI;
import java.util.function.Function;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis connection of one adapter, and what the adapter builds on it: opened on first use,
 * once, safely across threads. A client made from a URI is the adapter's and is closed with it; a
 * client given by the caller stays the caller's and is left open.
 */
final class LazyRedis<T> {
  private final URI uri;
  private final String caCertificates;
  private final int poolSize;
  private final UnifiedJedis givenClient;
  private final String owner;
  private final Function<UnifiedJedis, T> onClient;
  private final Object lock = new Object();
  private volatile UnifiedJedis client;
  private volatile T value;
  private volatile boolean closed;

  /**
   * Exactly one of {@code uri} and {@code givenClient}; {@code caCertificates} (PEM or a path, may
   * be null) is trusted for a {@code rediss://} uri, whose client keeps at most {@code poolSize}
   * connections; {@code owner} names the adapter in errors
   * ("Redis cache"); {@code onClient} makes the adapter's value from the client, once.
   */
  LazyRedis(URI uri, String caCertificates, int poolSize, UnifiedJedis givenClient, String owner,
      Function<UnifiedJedis, T> onClient) {
    if ((uri == null) == (givenClient == null)) {
      throw new IllegalStateException("set exactly one of uri or client, got " + (uri == null ? "neither" : "both"));
    }
    this.uri = uri;
    this.caCertificates = caCertificates;
    this.poolSize = RedisConnections.checkPoolSize(poolSize);
    this.givenClient = givenClient;
    this.owner = owner;
    this.onClient = onClient;
  }

  T get() {
    T v = value;
    if (v == null) {
      synchronized (lock) {
        if (closed) {
          throw new IllegalStateException("this " + owner + " is closed");
        }
        v = value;
        if (v == null) {
          UnifiedJedis c = givenClient != null ? givenClient : RedisConnections.open(uri, caCertificates, poolSize);
          v = onClient.apply(c);
          client = c;
          value = v;
        }
      }
    }
    return v;
  }

  /** Whether the client has been opened (or, when given, first used) yet. */
  boolean isOpened() {
    return value != null;
  }

  /** Whether {@link #close()} was called. */
  boolean isClosed() {
    return closed;
  }

  /** Closes the client if this opened it; later calls to {@link #get()} fail. */
  void close() {
    synchronized (lock) {
      closed = true;
      UnifiedJedis c = client;
      client = null;
      value = null;
      if (c != null && c != givenClient) {
        c.close();
      }
    }
  }
}
