package dev.contentcreator.core.generation;

import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.log.Log;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Holds an item for one delivery of its task while that delivery works on it: the ledger claims it
 * with a lease (one owner a delivery), the lease is renewed every third of its time while the work
 * goes on, so another delivery of the same task backs off instead of calling the provider again,
 * and a delivery whose work fails lets the lease go, so the next one need not wait it out.
 */
final class LeaseKeeper {
  /** One daemon thread renews the leases of every item this process is making. */
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "item-leases");
    t.setDaemon(true);
    return t;
  });

  private final JobLedger ledger;
  private final Duration lease;

  LeaseKeeper(JobLedger ledger, Duration lease) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.lease = Objects.requireNonNull(lease, "lease");
  }

  /** The work to do while the item is held, given its job and the item as claimed. */
  @FunctionalInterface
  interface Work {
    void run(GenerationJob job, GenerationItem item) throws Exception;
  }

  /**
   * Claims the item of {@code jobId} for a new owner and, when the claim holds it, does {@code work}
   * while renewing the lease. Answers what the claim found; the work's failure is thrown once the
   * lease is let go.
   */
  JobLedger.Claim whileHeld(String jobId, String itemId, int attempt, Work work) throws Exception {
    String owner = UUID.randomUUID().toString();
    JobLedger.Claim claim = ledger.claim(jobId, itemId, attempt, owner, lease);
    if (!(claim instanceof JobLedger.Claim.Held held)) {
      return claim;
    }
    ScheduledFuture<?> renewals = renew(itemId, owner);
    try {
      work.run(held.job(), held.item());
    } catch (Exception | Error e) {
      renewals.cancel(false);
      letGo(itemId, owner);
      throw e;
    } finally {
      renewals.cancel(false);
    }
    return claim;
  }

  private ScheduledFuture<?> renew(String itemId, String owner) {
    long every = Math.max(1, lease.toMillis() / 3);
    return TIMER.scheduleWithFixedDelay(() -> {
      try {
        ledger.renew(itemId, owner, lease);
      } catch (RuntimeException e) {
        Log.warning("could not renew the lease of item " + itemId, e);
      }
    }, every, every, TimeUnit.MILLISECONDS);
  }

  private void letGo(String itemId, String owner) {
    try {
      ledger.letGo(itemId, owner);
    } catch (RuntimeException e) {
      Log.warning("could not let go of item " + itemId + "; its lease runs out by itself", e);
    }
  }
}
