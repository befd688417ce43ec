package dev.contentcreator.embedded.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.ports.Cache;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryCacheFactoryTest {
  private final InMemoryCacheFactory factory = new InMemoryCacheFactory();

  @Test
  void isTheMemoryCache() {
    assertEquals(Cache.class, factory.port());
    assertEquals("memory", factory.name());
  }

  @Test
  void maxBytesDefaultsTo64MiB() {
    InMemoryCache cache = assertInstanceOf(InMemoryCache.class, factory.create(Config.of(Map.of())));
    assertEquals(67_108_864L, cache.maxBytes());
  }

  @Test
  void maxBytesComesFromCacheMaxBytes() {
    InMemoryCache cache = (InMemoryCache) factory.create(Config.of(Map.of("CACHE_MAX_BYTES", "4096")));
    assertEquals(4096L, cache.maxBytes());
  }

  @Test
  void cacheMaxBytesBelowOneIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> factory.create(Config.of(Map.of("CACHE_MAX_BYTES", "0"))));
    assertEquals("CACHE_MAX_BYTES must be at least 1, got: 0", e.getMessage());
  }

  @Test
  void cacheMaxBytesThatIsNotANumberIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> factory.create(Config.of(Map.of("CACHE_MAX_BYTES", "64MiB"))));
    assertTrue(e.getMessage().contains("CACHE_MAX_BYTES"), e.getMessage());
  }

  @Test
  void platformUsesTheMemoryCacheWhenNoRedisUrlIsSet() {
    try (Platform platform = Platform.create(Config.of(Map.of()), Clock.systemUTC())) {
      assertFalse(platform.isLoaded(Cache.class));
      assertInstanceOf(InMemoryCache.class, platform.cache());
    }
  }
}
