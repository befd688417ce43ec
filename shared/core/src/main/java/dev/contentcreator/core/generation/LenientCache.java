package dev.contentcreator.core.generation;

import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.Cache;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cache as the runner uses it: a shortcut, never a dependency. A cache that fails to answer is
 * a miss (the item goes to the provider), and one that fails to store loses only the shortcut.
 */
final class LenientCache {
  private final Supplier<Cache> cache;

  LenientCache(Supplier<Cache> cache) {
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  Optional<byte[]> get(String key) {
    try {
      return cache.get().get(key);
    } catch (RuntimeException e) {
      Log.warning("cache unavailable, going to the provider", e);
      return Optional.empty();
    }
  }

  void put(String key, byte[] value, Duration ttl) {
    try {
      cache.get().put(key, value, ttl);
    } catch (RuntimeException e) {
      Log.warning("cache unavailable, result not cached", e);
    }
  }
}
