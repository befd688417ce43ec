package dev.contentcreator.ai.guard;

import static dev.contentcreator.ai.guard.GuardTests.error;
import static dev.contentcreator.ai.guard.GuardTests.rateLimited;
import static dev.contentcreator.ai.guard.Script.answer;
import static dev.contentcreator.ai.guard.Script.fail;
import static dev.contentcreator.ai.guard.Script.hang;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProviderGuardTest {
  private final RecordingScheduler scheduler = new RecordingScheduler();
  private final ExecutorService callers = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    callers.shutdownNow();
    scheduler.close();
  }

  /** Settings that keep out of the way of the behaviour under test: no jitter, a roomy breaker. */
  private ProviderGuardBuilder base() {
    return ProviderGuard.builder()
        .maxAttempts(3)
        .backoff(Duration.ofMillis(100), Duration.ofSeconds(60))
        .jitter(0)
        .timeout(Duration.ofSeconds(30))
        .breaker(100, Duration.ofMinutes(1), Duration.ofMinutes(1), 1)
        .bulkhead(8, Duration.ofSeconds(30))
        .scheduler(scheduler);
  }

  @Test
  void transientFailuresAreRetriedUntilTheCallSucceeds() throws Exception {
    Script script = Script.of(fail(error(Kind.TRANSIENT)), fail(error(Kind.TRANSIENT)), answer("ok"));

    assertEquals("ok", base().build().call("openai", script));
    assertEquals(3, script.calls());
    assertEquals(2, scheduler.delays().size());
  }

  @Test
  void permanentFailureIsNotRetried() {
    ProviderException permanent = error(Kind.PERMANENT);
    Script script = Script.of(fail(permanent), answer("never"));

    ProviderException thrown = assertThrows(ProviderException.class, () -> base().build().call("openai", script));

    assertSame(permanent, thrown);
    assertEquals(1, script.calls());
    assertEquals(List.of(), scheduler.delays());
  }

  @Test
  void lastFailureIsThrownWhenAttemptsRunOut() {
    ProviderException last = error(Kind.TRANSIENT);
    Script script = Script.of(fail(error(Kind.TRANSIENT)), fail(error(Kind.TRANSIENT)), fail(last));

    ProviderException thrown = assertThrows(ProviderException.class, () -> base().build().call("openai", script));

    assertSame(last, thrown);
    assertEquals(3, script.calls());
  }

  @Test
  void retryDelaysDoubleFromTheMinimumUpToTheMaximum() {
    ProviderGuard guard = base().maxAttempts(5).backoff(Duration.ofMillis(100), Duration.ofMillis(500)).build();

    assertThrows(ProviderException.class, () -> guard.call("openai", Script.of(fail(error(Kind.TRANSIENT)))));

    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
        Duration.ofMillis(500)), scheduler.delays());
  }

  @Test
  void retryWaitsAtLeastTheRetryAfterTheProviderAskedFor() throws Exception {
    ProviderGuard guard = base().jitter(0.25).random(() -> 0.0).build();
    Script script = Script.of(fail(rateLimited(Duration.ofSeconds(20))), answer("ok"));

    assertEquals("ok", guard.call("openai", script));

    Duration delay = scheduler.delays().get(0);
    assertTrue(delay.compareTo(Duration.ofSeconds(20)) >= 0, "waited " + delay);
  }

  @Test
  void retryAfterLongerThanTheMaximumBackoffIsCapped() throws Exception {
    ProviderGuard guard = base().backoff(Duration.ofMillis(100), Duration.ofSeconds(30)).build();
    Script script = Script.of(fail(rateLimited(Duration.ofMinutes(10))), answer("ok"));

    assertEquals("ok", guard.call("openai", script));

    assertEquals(List.of(Duration.ofSeconds(30)), scheduler.delays());
  }

  @Test
  void listenerIsToldOfEachScheduledRetryWithItsDelay() throws Exception {
    List<String> told = new CopyOnWriteArrayList<>();
    GuardListener listener = new GuardListener() {
      @Override
      public void retryScheduled(String provider, int failedAttempts, Duration delay, Throwable failure) {
        told.add(provider + " " + failedAttempts + " " + delay.toMillis() + " " + ((ProviderException) failure).kind());
      }
    };
    Script script = Script.of(fail(error(Kind.TRANSIENT)), fail(error(Kind.TIMEOUT)), answer("ok"));

    base().listener(listener).build().call("openai", script);

    assertEquals(List.of("openai 1 100 TRANSIENT", "openai 2 200 TIMEOUT"), told);
  }

  @Test
  void uncheckedExceptionPassesThroughUnchangedAndIsNotRetried() {
    IllegalStateException bug = new IllegalStateException("a bug in an adapter");
    AtomicInteger calls = new AtomicInteger();

    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> base().build().call("openai", () -> {
          calls.incrementAndGet();
          throw bug;
        }));

    assertSame(bug, thrown);
    assertEquals(1, calls.get());
  }

  @Test
  void attemptThatTimesOutIsRetried() throws Exception {
    Script script = Script.of(hang(), answer("ok"));

    assertEquals("ok", base().timeout(Duration.ofMillis(50)).build().call("openai", script));
    assertEquals(2, script.calls());
  }

  @Test
  void attemptThatTimesOutIsInterrupted() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    Script script = Script.of(() -> {
      try {
        Thread.sleep(120_000);
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
      throw error(Kind.TRANSIENT);
    }, answer("ok"));

    base().timeout(Duration.ofMillis(50)).build().call("openai", script);

    assertTrue(interrupted.await(60, TimeUnit.SECONDS), "the attempt that timed out kept running");
  }

  @Test
  void attemptsThatAllTimeOutEndAsTimeout() {
    Script script = Script.of(hang());
    ProviderGuard guard = base().maxAttempts(2).timeout(Duration.ofMillis(50)).build();

    ProviderException thrown = assertThrows(ProviderException.class, () -> guard.call("goapi", script));

    assertEquals(Kind.TIMEOUT, thrown.kind());
    assertEquals("goapi", thrown.provider());
    assertEquals("GoAPI took too long to answer: nothing came within 1 second.", thrown.userMessage(),
        "says why, not what happens next");
    assertEquals(2, script.calls());
  }

  @Test
  void circuitOpensAfterRepeatedFailuresAndFailsFastWithoutCallingTheProvider() throws Exception {
    ProviderGuard guard = base().maxAttempts(1).breaker(3, Duration.ofMinutes(1), Duration.ofMinutes(1), 1).build();
    Script script = Script.of(fail(error(Kind.TRANSIENT)));
    for (int i = 0; i < 3; i++) {
      assertEquals(Kind.TRANSIENT, assertThrows(ProviderException.class, () -> guard.call("openai", script)).kind());
    }

    ProviderException thrown = assertThrows(ProviderException.class, () -> guard.call("openai", script));

    assertEquals(3, script.calls());
    assertEquals(Kind.RATE_LIMITED, thrown.kind());
    assertTrue(thrown.userMessage().matches("OpenAI is failing right now: calls to it are paused for (\\d+ seconds|1 minute)\\."),
        thrown.userMessage());
    assertTrue(thrown.retryAfter().compareTo(Duration.ZERO) > 0
        && thrown.retryAfter().compareTo(Duration.ofMinutes(1)) <= 0, "retry after " + thrown.retryAfter());
  }

  @Test
  void openCircuitIsReportedWithItsRemainingDelay() {
    ProviderGuard guard = base().maxAttempts(1).breaker(1, Duration.ofMinutes(1), Duration.ofMinutes(1), 1).build();
    assertThrows(ProviderException.class, () -> guard.call("openai", Script.of(fail(error(Kind.RATE_LIMITED)))));

    assertEquals(CircuitState.OPEN, guard.state("openai"));
    Optional<Duration> openFor = guard.openFor("openai");
    assertTrue(openFor.isPresent());
    assertTrue(openFor.get().compareTo(Duration.ZERO) > 0 && openFor.get().compareTo(Duration.ofMinutes(1)) <= 0,
        "open for " + openFor.get());
  }

  @Test
  void circuitOpeningEndsTheRetriesOfACallInProgress() {
    ProviderGuard guard = base().maxAttempts(5).breaker(2, Duration.ofMinutes(1), Duration.ofMinutes(1), 1).build();
    Script script = Script.of(fail(error(Kind.TRANSIENT)));

    ProviderException thrown = assertThrows(ProviderException.class, () -> guard.call("openai", script));

    assertEquals(Kind.RATE_LIMITED, thrown.kind());
    assertEquals(2, script.calls());
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"PERMANENT", "QUOTA_EXCEEDED", "REFUSED"})
  void failuresNotWorthRetryingNeverOpenTheCircuit(Kind kind) {
    ProviderGuard guard = base().maxAttempts(1).breaker(2, Duration.ofMinutes(1), Duration.ofMinutes(1), 1).build();
    Script script = Script.of(fail(error(kind)));

    for (int i = 0; i < 5; i++) {
      assertEquals(kind, assertThrows(ProviderException.class, () -> guard.call("openai", script)).kind());
    }

    assertEquals(5, script.calls());
    assertEquals(CircuitState.CLOSED, guard.state("openai"));
  }

  @Test
  void circuitClosesByItselfAfterTheDelayWithASuccessfulTrialCall() throws Exception {
    List<String> changes = new CopyOnWriteArrayList<>();
    GuardListener listener = new GuardListener() {
      @Override
      public void circuitChanged(String provider, CircuitState from, CircuitState to) {
        changes.add(from + "->" + to);
      }
    };
    ProviderGuard guard = base().maxAttempts(1).listener(listener)
        .breaker(1, Duration.ofMinutes(1), Duration.ofMillis(50), 1).build();
    Script script = Script.of(fail(error(Kind.TRANSIENT)), answer("ok"));
    assertThrows(ProviderException.class, () -> guard.call("openai", script));

    awaitNotOpen(guard, "openai");
    assertEquals(CircuitState.HALF_OPEN, guard.state("openai"));
    assertEquals(Optional.empty(), guard.openFor("openai"));
    assertEquals("ok", guard.call("openai", script));

    assertEquals(CircuitState.CLOSED, guard.state("openai"));
    assertEquals(List.of("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED"), changes);
    assertEquals(2, script.calls());
  }

  @Test
  void eachProviderHasItsOwnCircuit() throws Exception {
    ProviderGuard guard = base().maxAttempts(1).breaker(1, Duration.ofMinutes(1), Duration.ofMinutes(1), 1).build();
    assertThrows(ProviderException.class, () -> guard.call("openai", Script.of(fail(error(Kind.TRANSIENT)))));

    assertEquals("ok", guard.call("goapi", Script.of(answer("ok"))));
    assertEquals(CircuitState.OPEN, guard.state("openai"));
    assertEquals(CircuitState.CLOSED, guard.state("goapi"));
    assertEquals(Optional.empty(), guard.openFor("goapi"));
  }

  @Test
  void providerNeverCalledIsClosed() {
    ProviderGuard guard = base().build();

    assertEquals(CircuitState.CLOSED, guard.state("openai"));
    assertEquals(Optional.empty(), guard.openFor("openai"));
  }

  @Test
  void callBeyondTheBulkheadLimitIsRejectedAsRateLimitedWithoutRunning() throws Exception {
    ProviderGuard guard = base().bulkhead(2, Duration.ZERO).build();
    CountDownLatch inside = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    CheckedSupplier<String> blocking = () -> {
      inside.countDown();
      awaitQuietly(release);
      return "done";
    };
    List<Future<String>> running = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      running.add(callers.submit(() -> guard.call("openai", blocking)));
    }
    assertTrue(inside.await(30, TimeUnit.SECONDS), "the first two calls never started");
    AtomicBoolean thirdRan = new AtomicBoolean();

    ProviderException thrown = assertThrows(ProviderException.class, () -> guard.call("openai", () -> {
      thirdRan.set(true);
      return "third";
    }));

    assertEquals(Kind.RATE_LIMITED, thrown.kind());
    assertFalse(thirdRan.get());
    release.countDown();
    for (Future<String> f : running) {
      assertEquals("done", f.get(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void bulkheadNeverLetsMoreCallsRunAtOnceThanItsLimit() throws Exception {
    // Real waits here: queued calls must wait for a slot, not give up at once.
    ProviderGuard guard = ProviderGuard.builder().bulkhead(2, Duration.ofSeconds(30)).build();
    AtomicInteger active = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CheckedSupplier<String> work = () -> {
      most.accumulateAndGet(active.incrementAndGet(), Math::max);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      active.decrementAndGet();
      return "done";
    };
    List<Future<String>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(callers.submit(() -> guard.call("openai", work)));
    }

    for (Future<String> f : calls) {
      assertEquals("done", f.get(60, TimeUnit.SECONDS));
    }
    assertTrue(most.get() <= 2, "at most " + most.get() + " ran at once");
  }

  private static void awaitNotOpen(ProviderGuard guard, String provider) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (guard.state(provider) == CircuitState.OPEN) {
      assertTrue(System.nanoTime() < deadline, "the circuit never left OPEN");
      Thread.sleep(5);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
