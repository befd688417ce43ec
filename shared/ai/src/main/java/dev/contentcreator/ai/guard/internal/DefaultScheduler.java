package dev.contentcreator.ai.guard.internal;

import dev.failsafe.spi.Scheduler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scheduler guards use unless told otherwise: attempts run on a shared, growing pool of daemon
 * threads (provider calls block on the network, so the common fork-join pool would starve), and waits
 * are timed by Failsafe's own delay thread. Created on first use.
 */
final class DefaultScheduler {
  private DefaultScheduler() { }

  static Scheduler get() {
    return Holder.SCHEDULER;
  }

  private static final class Holder {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
      Thread t = new Thread(runnable, "provider-guard-" + COUNT.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    static final Scheduler SCHEDULER = Scheduler.of(POOL);
  }
}
