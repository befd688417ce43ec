package dev.contentcreator.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CoalescerTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();
  /** Every batch sent, in order. */
  private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  /** A send that records its batch and answers each input with ten times it. */
  private Function<List<Integer>, List<Integer>> recording(CountDownLatch firstBatchOut, CountDownLatch releaseFirst) {
    return inputs -> {
      batches.add(List.copyOf(inputs));
      if (batches.size() == 1) {
        firstBatchOut.countDown();
        await(releaseFirst);
      }
      return inputs.stream().map(i -> i * 10).toList();
    };
  }

  /**
   * Calls 0 to {@code later} of a coalescer of batches of {@code maxBatch} that records its batches
   * and answers ten times each input: call 0 alone, held out until calls 1 to {@code later} all
   * wait, then let go.
   */
  private List<Future<Integer>> whileTheFirstIsOut(int maxBatch, int later) throws InterruptedException {
    CountDownLatch out = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Coalescer<Integer, Integer> coalescer = new Coalescer<>(recording(out, release), maxBatch);
    List<Future<Integer>> calls = new ArrayList<>();
    calls.add(threads.submit(() -> coalescer.call(0)));
    out.await();
    for (int i = 1; i <= later; i++) {
      int input = i;
      calls.add(threads.submit(() -> coalescer.call(input)));
    }
    awaitWaiting(coalescer, later);
    release.countDown();
    return calls;
  }

  @Test
  void aCallThatFindsNothingOutIsSentAloneAtOnce() {
    Coalescer<Integer, Integer> coalescer = new Coalescer<>(inputs -> {
      batches.add(List.copyOf(inputs));
      return inputs.stream().map(i -> i + 1).toList();
    }, 64);
    assertEquals(8, coalescer.call(7));
    assertEquals(3, coalescer.call(2));
    assertEquals(List.of(List.of(7), List.of(2)), batches);
  }

  @Test
  void callsThatArriveWhileABatchIsOutGoTogetherInTheNextAndEachGetsItsOwnAnswer() throws Exception {
    List<Future<Integer>> calls = whileTheFirstIsOut(64, 10);
    for (int i = 0; i <= 10; i++) {
      assertEquals(i * 10, calls.get(i).get());
    }
    assertEquals(2, batches.size(), "one batch for the first call, one for the ten that waited: " + batches);
    assertEquals(List.of(0), batches.get(0));
    List<Integer> second = new ArrayList<>(batches.get(1));
    Collections.sort(second);
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), second);
  }

  @Test
  void aBatchHoldsAtMostMaxBatchCallsAndTheRestGoInTheNextOnes() throws Exception {
    List<Future<Integer>> calls = whileTheFirstIsOut(3, 7);
    for (int i = 0; i <= 7; i++) {
      assertEquals(i * 10, calls.get(i).get());
    }
    assertEquals(List.of(1, 3, 3, 1), batches.stream().map(List::size).toList(), "batches: " + batches);
  }

  @Test
  void aFailedSendFailsEveryCallOfItsBatchAndTheNextBatchIsTriedAfresh() throws Exception {
    CountDownLatch out = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    IllegalStateException down = new IllegalStateException("connection refused");
    AtomicBoolean failing = new AtomicBoolean(true);
    Coalescer<Integer, Integer> coalescer = new Coalescer<>(inputs -> {
      batches.add(List.copyOf(inputs));
      if (batches.size() == 1) {
        out.countDown();
        await(release);
      }
      if (failing.get()) {
        throw down;
      }
      return inputs;
    }, 64);
    Future<Integer> first = threads.submit(() -> coalescer.call(1));
    out.await();
    Future<Integer> second = threads.submit(() -> coalescer.call(2));
    Future<Integer> third = threads.submit(() -> coalescer.call(3));
    awaitWaiting(coalescer, 2);
    release.countDown();
    for (Future<Integer> f : List.of(first, second, third)) {
      Exception e = assertThrows(Exception.class, f::get);
      assertSame(down, e.getCause(), "each caller sees the send's own exception");
    }
    failing.set(false);
    assertEquals(4, coalescer.call(4), "the failure is not remembered");
  }

  @Test
  void anAnswerWithTheWrongNumberOfOutputsFailsTheBatch() {
    Coalescer<Integer, Integer> coalescer = new Coalescer<>(inputs -> List.of(), 64);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> coalescer.call(1));
    assertEquals("a batch of 1 calls was answered with 0", e.getMessage());
  }

  @Test
  void anInterruptedCallerStillGetsItsAnswerAndKeepsItsInterrupt() throws Exception {
    CountDownLatch out = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Coalescer<Integer, Integer> coalescer = new Coalescer<>(recording(out, release), 64);
    Future<Integer> first = threads.submit(() -> coalescer.call(1));
    out.await();
    CountDownLatch started = new CountDownLatch(1);
    Thread[] caller = new Thread[1];
    Future<List<Object>> interrupted = threads.submit(() -> {
      caller[0] = Thread.currentThread();
      started.countDown();
      int answer = coalescer.call(2);
      return List.of(answer, Thread.currentThread().isInterrupted());
    });
    started.await();
    awaitWaiting(coalescer, 1);
    caller[0].interrupt();
    release.countDown();
    assertEquals(10, first.get());
    assertEquals(List.of(20, true), interrupted.get());
  }

  @Test
  void manyThreadsCallingAtOnceEachGetTheirOwnAnswerAndEveryCallIsSentOnce() throws Exception {
    Coalescer<Integer, Integer> coalescer = new Coalescer<>(inputs -> {
      batches.add(List.copyOf(inputs));
      return inputs.stream().map(i -> -i).toList();
    }, 8);
    int callers = 8;
    int each = 2_000;
    List<Future<Boolean>> results = new ArrayList<>();
    for (int t = 0; t < callers; t++) {
      int base = t * each;
      results.add(threads.submit(() -> {
        for (int i = base; i < base + each; i++) {
          if (coalescer.call(i) != -i) {
            return false;
          }
        }
        return true;
      }));
    }
    for (Future<Boolean> r : results) {
      assertTrue(r.get(), "every caller got the answer to its own input");
    }
    List<Integer> sent = new ArrayList<>();
    synchronized (batches) {
      batches.forEach(sent::addAll);
      assertTrue(batches.stream().allMatch(b -> b.size() >= 1 && b.size() <= 8), "batches of 1 to 8");
    }
    Collections.sort(sent);
    assertEquals(callers * each, sent.size());
    for (int i = 0; i < sent.size(); i++) {
      assertEquals(i, sent.get(i), "every input sent exactly once");
    }
  }

  @Test
  void aBatchOfNoneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Coalescer<Integer, Integer>(List::copyOf, 0));
  }

  private static void awaitWaiting(Coalescer<?, ?> coalescer, int calls) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (coalescer.waiting() < calls) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + coalescer.waiting() + " of " + calls + " calls came to wait");
      }
      Thread.sleep(1);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
