package dev.contentcreator.embedded.cache;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.Cache;

/**
 * Makes the {@code memory} cache: entries held by this process only, at most {@code CACHE_MAX_BYTES}
 * of them (a number of bytes, default 64 MiB), least recently used first out.
 */
public final class InMemoryCacheFactory implements PortFactory<Cache> {

  @Override
  public Class<Cache> port() {
    return Cache.class;
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Cache create(Config config) {
    long maxBytes = config.get(Settings.CACHE_MAX_BYTES);
    if (maxBytes < 1) {
      throw new IllegalArgumentException("CACHE_MAX_BYTES must be at least 1, got: " + maxBytes);
    }
    return InMemoryCache.builder().maxBytes(maxBytes).build();
  }
}
