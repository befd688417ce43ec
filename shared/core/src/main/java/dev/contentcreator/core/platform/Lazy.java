package dev.contentcreator.core.platform;

import dev.contentcreator.core.log.Log;
import java.util.function.Supplier;

/** A value made on first use, once, safely across threads; closed if it was made and can be. */
final class Lazy<T> {
  private final Supplier<T> supplier;
  private volatile T value;

  Lazy(Supplier<T> supplier) {
    this.supplier = supplier;
  }

  T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = supplier.get();
          value = v;
        }
      }
    }
    return v;
  }

  boolean isLoaded() {
    return value != null;
  }

  void closeIfLoaded() {
    T v = value;
    if (v instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        Log.warning("closing " + v.getClass().getName() + " failed", e);
      }
    }
  }
}
