package dev.contentcreator.ai.guard;

import dev.contentcreator.core.ports.ai.ProviderException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider call that plays its steps in order, one per attempt, repeating the last one; it counts
 * the attempts that reached it.
 */
final class Script implements CheckedSupplier<String> {
  /** One attempt's behaviour. */
  interface Step {
    String run() throws ProviderException;
  }

  private final List<Step> steps;
  private final AtomicInteger calls = new AtomicInteger();

  private Script(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  static Script of(Step... steps) {
    return new Script(List.of(steps));
  }

  static Step answer(String text) {
    return () -> text;
  }

  static Step fail(ProviderException e) {
    return () -> {
      throw e;
    };
  }

  /** Blocks until interrupted (by the guard's timeout), as a provider that never answers. */
  static Step hang() {
    return () -> {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw GuardTests.error(ProviderException.Kind.TRANSIENT);
    };
  }

  @Override
  public String get() throws ProviderException {
    int n = calls.getAndIncrement();
    return steps.get(Math.min(n, steps.size() - 1)).run();
  }

  int calls() {
    return calls.get();
  }
}
