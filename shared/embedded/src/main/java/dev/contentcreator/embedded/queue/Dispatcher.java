package dev.contentcreator.embedded.queue;

import dev.contentcreator.core.log.Log;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The worker pool of one queue or bus: a loop thread claims due work from a {@link Source} (leased
 * in the database) as workers free up, runs each item on a handler thread under its deadline, and
 * reports the outcome back to the source. The loop sleeps until the next item is due (at most the
 * poll interval) unless {@link #wake()} is called, which enqueues and finished items do.
 */
final class Dispatcher implements AutoCloseable {

  /** Where the work comes from; every method is called by the dispatcher's threads. */
  interface Source {
    /** Leases up to {@code capacity} due items (at least 1) and returns them. */
    List<Job> claim(int capacity);

    /** The epoch millisecond at which the next item not yet due becomes due or a lease ends; or Long.MAX_VALUE. */
    long nextWakeAt();

    /** Extends the leases of the items this process runs. */
    void renewLeases();

    /** Periodic clean-up, such as purging finished rows past retention. */
    void housekeeping();
  }

  /** One leased item. {@link #succeeded()} or {@link #failed(Throwable)} is called once. */
  interface Job {
    Duration deadline();

    void run() throws Exception;

    void succeeded();

    void failed(Throwable error);
  }

  /** An attempt that ran past its deadline; the handler thread was interrupted. */
  static final class DeadlineExceededException extends Exception {
    private static final long serialVersionUID = 1L;

    DeadlineExceededException(Duration deadline) {
      super("the handler ran past its deadline of " + deadline + " and was interrupted");
    }
  }

  private static final Duration HOUSEKEEPING_EVERY = Duration.ofMinutes(1);

  private final String name;
  private final Source source;
  private final Clock clock;
  private final int workers;
  private final Duration pollInterval;
  private final Duration renewEvery;
  private final Duration shutdownTimeout;
  private final ExecutorService handlers;
  private final ScheduledThreadPoolExecutor timeouts;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Object monitor = new Object();
  private final Thread loop;
  private boolean wakeRequested;
  private volatile boolean stopping;
  private volatile boolean abandoned;
  private final AtomicBoolean started = new AtomicBoolean();

  Dispatcher(String name, Source source, Clock clock, DispatchSettings settings) {
    this.name = name;
    this.source = source;
    this.clock = clock;
    this.workers = settings.workers();
    this.pollInterval = settings.pollInterval();
    this.renewEvery = settings.leaseDuration().dividedBy(3);
    this.shutdownTimeout = settings.shutdownTimeout();
    this.handlers = Executors.newCachedThreadPool(threads(name + "-handler"));
    this.timeouts = new ScheduledThreadPoolExecutor(1, threads(name + "-deadline"));
    this.timeouts.setRemoveOnCancelPolicy(true);
    this.loop = threads(name + "-dispatch").newThread(this::runLoop);
  }

  /** Starts the loop; a second call does nothing. */
  void start() {
    if (stopping) {
      throw new IllegalStateException(name + " is closed");
    }
    if (started.compareAndSet(false, true)) {
      loop.start();
    }
  }

  boolean isStarted() {
    return started.get() && !stopping;
  }

  /** Makes the loop look for due work now rather than after its sleep. */
  void wake() {
    synchronized (monitor) {
      wakeRequested = true;
      monitor.notifyAll();
    }
  }

  /**
   * Stops claiming, waits up to the shutdown timeout for running handlers (renewing their
   * leases meanwhile), then interrupts the rest; their leases are left to expire, so the work runs
   * again later, here or in the next process.
   */
  @Override
  public void close() {
    stopping = true;
    wake();
    if (started.get()) {
      joinLoop();
    }
    handlers.shutdown();
    long deadline = System.nanoTime() + shutdownTimeout.toNanos();
    try {
      while (!handlers.isTerminated()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        if (!handlers.awaitTermination(Math.min(left, renewEvery.toNanos()), TimeUnit.NANOSECONDS)) {
          renewQuietly();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!handlers.isTerminated()) {
      abandoned = true;
      handlers.shutdownNow();
    }
    timeouts.shutdownNow();
  }

  private void joinLoop() {
    try {
      loop.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runLoop() {
    long lastRenew = System.nanoTime();
    long lastHousekeeping = System.nanoTime() - HOUSEKEEPING_EVERY.toNanos();
    while (!stopping) {
      try {
        long now = System.nanoTime();
        if (now - lastRenew >= renewEvery.toNanos()) {
          source.renewLeases();
          lastRenew = now;
        }
        if (now - lastHousekeeping >= HOUSEKEEPING_EVERY.toNanos()) {
          source.housekeeping();
          lastHousekeeping = now;
        }
        int free = workers - inFlight.get();
        if (free > 0) {
          List<Job> jobs = source.claim(free);
          jobs.forEach(this::launch);
          if (jobs.size() == free) {
            continue;
          }
        }
        sleep(Math.min(pollInterval.toMillis(), Math.min(renewEvery.toMillis(), untilNextWake())));
      } catch (RuntimeException e) {
        if (stopping) {
          return;
        }
        Log.warning(name + ": dispatching failed, trying again after " + pollInterval, e);
        sleep(pollInterval.toMillis());
      }
    }
  }

  private long untilNextWake() {
    long next = source.nextWakeAt();
    return next == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, next - clock.millis());
  }

  private void sleep(long millis) {
    synchronized (monitor) {
      if (!wakeRequested && !stopping && millis > 0) {
        try {
          monitor.wait(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopping = true;
        }
      }
      wakeRequested = false;
    }
  }

  private void launch(Job job) {
    inFlight.incrementAndGet();
    AtomicBoolean settled = new AtomicBoolean();
    AtomicReference<ScheduledFuture<?>> timeout = new AtomicReference<>();
    Future<?> running;
    try {
      running = handlers.submit(() -> {
        Throwable error = null;
        try {
          job.run();
        } catch (Throwable t) {
          error = t;
        }
        ScheduledFuture<?> pending = timeout.get();
        if (pending != null) {
          pending.cancel(false);
        }
        if (settled.compareAndSet(false, true)) {
          settle(job, error);
        }
      });
    } catch (RuntimeException rejected) {
      settled.set(true);
      settle(job, rejected);
      return;
    }
    timeout.set(timeouts.schedule(() -> {
      if (settled.compareAndSet(false, true)) {
        running.cancel(true);
        settle(job, new DeadlineExceededException(job.deadline()));
      }
    }, job.deadline().toNanos(), TimeUnit.NANOSECONDS));
  }

  private void settle(Job job, Throwable error) {
    try {
      if (!abandoned) {
        if (error == null) {
          job.succeeded();
        } else {
          job.failed(error);
        }
      }
    } catch (RuntimeException e) {
      if (!abandoned) {
        Log.error(name + ": could not record the outcome of an attempt (its lease will expire and it"
            + " will run again)", e);
      }
    } finally {
      inFlight.decrementAndGet();
      wake();
    }
  }

  private void renewQuietly() {
    try {
      source.renewLeases();
    } catch (RuntimeException e) {
      Log.warning(name + ": renewing leases during shutdown failed", e);
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
