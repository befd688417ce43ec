package dev.contentcreator.gemini;

import com.google.genai.Client;
import java.util.Objects;
import java.util.function.Function;

/** One Gemini client, made on first use: until then no class of google-genai is loaded. Thread-safe. */
final class LazyClient implements AutoCloseable {
  private final GeminiSettings settings;
  private final Function<GeminiSettings, Client> factory;
  private final Object lock = new Object();
  private volatile Client client;
  private boolean closed;

  LazyClient(GeminiSettings settings, Function<GeminiSettings, Client> factory) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  Client get() {
    Client made = client;
    if (made != null) {
      return made;
    }
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the Gemini client is closed");
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
