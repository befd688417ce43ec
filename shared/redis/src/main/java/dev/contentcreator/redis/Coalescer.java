package dev.contentcreator.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Makes the calls of many threads into few sends: while one batch is out, the calls that arrive
 * wait, and go out together as the next batch when it is back. A call that finds nothing out is
 * sent at once by its own thread, so a quiet server waits for no one; a busy one sends fewer,
 * larger batches (for Redis, one pipelined write and one read for many commands instead of one
 * each, which spares the server and the client a pair of socket calls per command).
 *
 * <p>No thread of its own: the oldest waiting call's thread, once no batch is out, sends the next one
 * with every call waiting at that moment (up to {@code maxBatch}, the oldest first), answers each,
 * and wakes the thread of the oldest call still waiting, if any, to send the rest. At most one batch
 * is out at a time. A batch of k calls costs k + 1 context switches: each caller waits once, and
 * the one that sends waits again for the answer.
 *
 * <p>Why: every leader's release is followed by a look at the oldest waiting call, and the oldest
 * changes only when a call joins an empty queue (its thread then tries to send at once) or when a
 * sender takes calls out (and it looks after it releases), so a waiting call is never left without
 * someone to send it.
 *
 * <p>{@code send} answers a batch's inputs with as many outputs, in order, or throws; a throw fails
 * every call of that batch with it (thrown again in each caller's thread), and the next batch is
 * tried afresh.
 */
final class Coalescer<I, O> {
  private final Function<List<I>, List<O>> send;
  private final int maxBatch;
  private final ConcurrentLinkedQueue<Call<I, O>> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean sending = new AtomicBoolean();
  private final LongAdder batches = new LongAdder();

  Coalescer(Function<List<I>, List<O>> send, int maxBatch) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("a batch holds at least one call, got " + maxBatch);
    }
    this.send = Objects.requireNonNull(send, "send");
    this.maxBatch = maxBatch;
  }

  /** Sends {@code input}, alone or with others, and answers its output; waits until then. */
  O call(I input) {
    Call<I, O> call = new Call<>(input, Thread.currentThread());
    waiting.add(call);
    boolean interrupted = false;
    while (!call.done) {
      // Only the oldest waiting call sends, so each batch wakes one thread to send it and none in vain.
      if (waiting.peek() == call && sending.compareAndSet(false, true)) {
        try {
          sendNext();
        } finally {
          sending.set(false);
        }
        // Whoever waits now arrived while this batch was out, or did not fit in it: wake the oldest
        // to send theirs (the others wait for that batch or the one after). A call that finds the
        // queue empty is the oldest, and sends at once if nothing is out or is woken here if it is.
        Call<I, O> next = waiting.peek();
        if (next != null) {
          LockSupport.unpark(next.thread);
        }
      } else {
        LockSupport.park(this);
        // An interrupt ends a park at once and for good: keep waiting, and tell the caller after.
        interrupted |= Thread.interrupted();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (call.failure instanceof RuntimeException e) {
      throw e;
    }
    if (call.failure instanceof Error e) {
      throw e;
    }
    return call.output;
  }

  /** How many batches were sent so far. */
  long batches() {
    return batches.sum();
  }

  /** How many calls wait to be sent (not those of the batch out). */
  int waiting() {
    return waiting.size();
  }

  /** Sends the oldest waiting calls as one batch and answers them; the caller holds {@link #sending}. */
  private void sendNext() {
    List<Call<I, O>> batch = new ArrayList<>(Math.min(maxBatch, 16));
    Call<I, O> c;
    while (batch.size() < maxBatch && (c = waiting.poll()) != null) {
      batch.add(c);
    }
    if (batch.isEmpty()) {
      return;
    }
    batches.increment();
    List<O> outputs;
    try {
      // Everything after the calls left the queue is in here, so each of them is answered whatever fails.
      List<I> inputs = new ArrayList<>(batch.size());
      for (Call<I, O> b : batch) {
        inputs.add(b.input);
      }
      outputs = send.apply(inputs);
      if (outputs.size() != batch.size()) {
        throw new IllegalStateException("a batch of " + batch.size() + " calls was answered with " + outputs.size());
      }
    } catch (RuntimeException | Error e) {
      for (Call<I, O> b : batch) {
        b.failure = e;
        b.finish();
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).output = outputs.get(i);
      batch.get(i).finish();
    }
  }

  private static final class Call<I, O> {
    final I input;
    final Thread thread;
    O output;
    /** A RuntimeException or an Error. */
    Throwable failure;
    /** Written last, after the output or failure, so a caller that reads it true sees them. */
    volatile boolean done;

    Call(I input, Thread thread) {
      this.input = input;
      this.thread = thread;
    }

    void finish() {
      done = true;
      if (thread != Thread.currentThread()) {
        LockSupport.unpark(thread);
      }
    }
  }
}
