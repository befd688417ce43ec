package dev.contentcreator.core.ports.ai;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The HTTP clients an adapter made for projects' own API keys, at most {@code capacity} of them,
 * the least recently used closed first. Keys are held only as map keys in memory, never logged.
 * Thread-safe.
 */
public final class KeyedClients<C extends AutoCloseable> implements AutoCloseable {
  private final int capacity;
  private final Map<String, C> clients;

  public KeyedClients(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got: " + capacity);
    }
    this.capacity = capacity;
    this.clients = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** The client for this key, made now by {@code make} if there is none. */
  public synchronized C get(String key, Supplier<C> make) {
    Objects.requireNonNull(key, "key");
    C client = clients.get(key);
    if (client == null) {
      client = Objects.requireNonNull(make.get(), "make returned null");
      clients.put(key, client);
      if (clients.size() > capacity) {
        var eldest = clients.entrySet().iterator().next();
        clients.remove(eldest.getKey());
        closeQuietly(eldest.getValue());
      }
    }
    return client;
  }

  public synchronized int size() {
    return clients.size();
  }

  @Override
  public synchronized void close() {
    clients.values().forEach(KeyedClients::closeQuietly);
    clients.clear();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // A client that fails to close has nothing more to give back.
    }
  }
}
