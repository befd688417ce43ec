package dev.contentcreator.openai;

import com.openai.client.OpenAIClient;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one OpenAI client of an {@link OpenAiServices}, made on first use. Until then no class of
 * openai-java (nor okhttp, Kotlin or Jackson under it) is loaded. Thread-safe.
 */
final class LazyClient implements AutoCloseable {
  private final OpenAiSettings settings;
  private final Function<OpenAiSettings, OpenAIClient> factory;
  private final Object lock = new Object();
  private volatile OpenAIClient client;
  private boolean closed;

  LazyClient(OpenAiSettings settings, Function<OpenAiSettings, OpenAIClient> factory) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /** The client, made now if this is the first call. */
  OpenAIClient get() {
    OpenAIClient made = client;
    if (made != null) {
      return made;
    }
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the OpenAI client is closed");
      }
      if (client == null) {
        client = Objects.requireNonNull(factory.apply(settings), "the client factory returned null");
      }
      return client;
    }
  }

  /** Whether the client has been made. */
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
