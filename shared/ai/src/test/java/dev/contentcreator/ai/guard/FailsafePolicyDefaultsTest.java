package dev.contentcreator.ai.guard;

import static dev.contentcreator.ai.guard.GuardTests.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderException.Kind;
import dev.contentcreator.core.ports.ai.ProviderPolicy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The provider policy as a process gets it with no guard setting given: a call is tried once within
 * its task, so a transient failure ends the task at once and the queue's retry waits without
 * holding a slot; the circuit opens on an outage, not on the transient failures those retries absorb.
 */
class FailsafePolicyDefaultsTest {
  private final ProviderPolicy policy = new FailsafePolicyFactory().create(Config.of(Map.of()));

  /** One call that fails transiently when {@code fails} says so, counting the calls made. */
  private static String call(ProviderPolicy policy, boolean fails, AtomicInteger made) throws ProviderException {
    return policy.call("demo", () -> {
      made.incrementAndGet();
      if (fails) {
        throw error(Kind.TRANSIENT);
      }
      return "ok";
    });
  }

  @Test
  void aTransientFailureIsTriedOnceWithinItsTaskAndLeftToTheQueue() {
    AtomicInteger made = new AtomicInteger();
    ProviderException e = assertThrows(ProviderException.class, () -> call(policy, true, made));
    assertEquals(1, made.get(), "no second try inside the task: the slot is free while the queue waits");
    assertTrue(e.retryable(), "the queue is told to try again");
  }

  @Test
  void aFifthOfCallsFailingTransientlyNeverOpensTheCircuit() throws Exception {
    AtomicInteger made = new AtomicInteger();
    for (int i = 0; i < 500; i++) {
      boolean fails = i % 5 == 0;
      try {
        call(policy, fails, made);
      } catch (ProviderException e) {
        assertEquals(Kind.TRANSIENT, e.kind(), () -> "call " + made.get() + " was refused: " + e.getMessage());
      }
      assertEquals(Optional.empty(), policy.openFor("demo"), "open after " + made.get() + " calls");
    }
    assertEquals(500, made.get(), "every call reached the provider");
  }

  @Test
  void anOutageOpensTheCircuitOnceEnoughCallsHaveFailed() {
    AtomicInteger made = new AtomicInteger();
    int refused = 0;
    for (int i = 0; i < 60; i++) {
      try {
        call(policy, true, made);
      } catch (ProviderException e) {
        if (e.kind() == Kind.RATE_LIMITED) {
          refused++;
        }
      }
    }
    assertTrue(policy.openFor("demo").isPresent(), "the circuit is open");
    assertEquals(20, made.get(), "it opened after GUARD_BREAKER_MIN_CALLS (20) failed calls");
    assertEquals(40, refused, "the calls after it opened were refused without reaching the provider");
  }
}
