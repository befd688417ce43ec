package dev.contentcreator.anthropic;

import com.anthropic.client.AnthropicClient;
import java.util.Objects;
import java.util.function.Function;

/**
 * One Anthropic client, made on first use: until then no class of anthropic-java (nor okhttp,
 * Kotlin or Jackson under it) is loaded. Thread-safe.
 */
final class LazyClient implements AutoCloseable {
  private final AnthropicSettings settings;
  private final Function<AnthropicSettings, AnthropicClient> factory;
  private final Object lock = new Object();
  private volatile AnthropicClient client;
  private boolean closed;

  LazyClient(AnthropicSettings settings, Function<AnthropicSettings, AnthropicClient> factory) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  AnthropicClient get() {
    AnthropicClient made = client;
    if (made != null) {
      return made;
    }
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the Anthropic client is closed");
      }
      if (client == null) {
        client = Objects.requireNonNull(factory.apply(settings), "the client factory returned null");
      }
      return client;
    }
  }

  boolean created() {
    return client != null;
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (client != null) {
        client.close();
      }
    }
  }
}
