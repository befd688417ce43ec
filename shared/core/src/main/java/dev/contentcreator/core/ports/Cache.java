package dev.contentcreator.core.ports;

import java.time.Duration;
import java.util.Optional;

/**
 * The cache port: bytes under string keys, each with a time to live. Adapters: in memory on one
 * machine, Redis (Memorystore) when instances share it. A miss is normal; the cache may drop any
 * entry early. Every adapter passes {@code CacheContract}.
 */
public interface Cache {

  Optional<byte[]> get(String key);

  /** Stores the value, replacing any, for {@code ttl} (positive). */
  void put(String key, byte[] value, Duration ttl);

  /** Stores the value only if the key is absent (Redis SET NX PX); returns whether it did. */
  boolean putIfAbsent(String key, byte[] value, Duration ttl);

  void delete(String key);
}
