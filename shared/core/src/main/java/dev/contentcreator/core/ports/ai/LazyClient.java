package dev.contentcreator.core.ports.ai;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A provider SDK's client, made from its settings on first use and closed once. Until {@link #get}
 * is first called nothing of the SDK need be loaded: the factory and closer are given as objects
 * (not lambdas naming the SDK's types), so making this loads none of the SDK's classes. Thread-safe.
 *
 * @param <S> the adapter's settings
 * @param <C> the SDK's client
 */
public final class LazyClient<S, C> implements AutoCloseable {
  private final String name;
  private final S settings;
  private final Function<S, C> factory;
  private final Consumer<C> closer;
  private final Object lock = new Object();
  private volatile C client;
  private boolean closed;

  /** {@code name} says whose client it is in errors, such as {@code OpenAI}. */
  public LazyClient(String name, S settings, Function<S, C> factory, Consumer<C> closer) {
    this.name = Objects.requireNonNull(name, "name");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.factory = Objects.requireNonNull(factory, "factory");
    this.closer = Objects.requireNonNull(closer, "closer");
  }

  /** Another lazy client made and closed the same way, from {@code other} settings (a project's own key). */
  public LazyClient<S, C> with(S other) {
    return new LazyClient<>(name, other, factory, closer);
  }

  /** The client, made now if this is the first call. */
  public C get() {
    C made = client;
    if (made != null) {
      return made;
    }
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the " + name + " client is closed");
      }
      if (client == null) {
        client = Objects.requireNonNull(factory.apply(settings), "the client factory returned null");
      }
      return client;
    }
  }

  /** Whether the client has been made. */
  public boolean created() {
    return client != null;
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (client != null) {
        closer.accept(client);
      }
    }
  }
}
