package dev.contentcreator.core.platform;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The start of a function instance, when {@code WARM_START} is on: the Functions Framework makes the
 * function object before its server takes requests, so its constructor calls {@link #begin} and
 * the function's routes, services and clients are made on other threads while the server starts and
 * while the first request's token is checked, rather than one after another inside that request.
 * Each part is made once whichever thread comes first (holder classes and {@code Lazy}), so a request
 * that arrives early waits for what it needs and no more.
 */
public final class WarmStart {
  private WarmStart() {}

  /**
   * From a function's constructor: when {@code WARM_START} is set in the environment, makes what
   * {@code entry} makes (the function's holder: its services and router) and then
   * {@link Platform#warmUp()}, on a thread of its own. Off, it does nothing: the local server, which
   * makes every function in one process, and the tests keep everything made on first use.
   */
  public static void begin(Supplier<?> entry) {
    Objects.requireNonNull(entry, "entry");
    if (!Config.fromEnvironment().get(Settings.WARM_START)) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        Platform.get().warmUp();
        entry.get();
      } catch (RuntimeException | Error e) {
        // The first request meets the same failure and answers for it; this says where it began.
        dev.contentcreator.core.log.Log.warning("the warm start failed", e);
      }
    }, "warm-start");
    t.setDaemon(true);
    t.start();
  }
}
