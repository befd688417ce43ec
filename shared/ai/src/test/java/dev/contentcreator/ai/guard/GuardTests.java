package dev.contentcreator.ai.guard;

import dev.contentcreator.core.ports.ai.ProviderException;
import java.time.Duration;

/** Shared bits of the guard's tests. */
final class GuardTests {
  private GuardTests() { }

  static ProviderException error(ProviderException.Kind kind) {
    return new ProviderException(kind, "openai", "test failure " + kind, "test " + kind, 500, null, null);
  }

  static ProviderException rateLimited(Duration retryAfter) {
    return new ProviderException(ProviderException.Kind.RATE_LIMITED, "openai", "429 in a test", "slow down", 429,
        retryAfter, null);
  }
}
