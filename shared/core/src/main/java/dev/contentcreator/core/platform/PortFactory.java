package dev.contentcreator.core.platform;

import dev.contentcreator.core.config.Config;

/**
 * Makes one adapter of one port. Each adapter module lists its factories in
 * {@code META-INF/services/dev.contentcreator.core.platform.PortFactory}; {@link Platform} picks
 * one by the port and the name in the configuration, and only when the port is first used.
 */
public interface PortFactory<T> {

  /** The port this factory makes an adapter of, such as {@code DocumentStore.class}. */
  Class<T> port();

  /** The adapter's name as configuration spells it, such as {@code sqlite} or {@code firestore}. */
  String name();

  T create(Config config);
}
