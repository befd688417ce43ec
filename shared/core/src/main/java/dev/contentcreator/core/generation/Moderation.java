package dev.contentcreator.core.generation;

import dev.contentcreator.core.ports.ai.Moderator;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks a prompt with the moderator (OpenAI's, when it is configured and moderation is on) before
 * any provider sees it. A verdict is cached for a day under the prompt's hash, so a prompt retried
 * or asked for again is checked once.
 */
final class Moderation {
  private static final Duration VERDICT_LIFETIME = Duration.ofDays(1);
  private static final String FLAGGED = "flagged:";

  private final Supplier<Providers> providers;
  private final Supplier<ProviderPolicy> policy;
  private final LenientCache cache;
  private final boolean enabled;

  Moderation(Supplier<Providers> providers, Supplier<ProviderPolicy> policy, LenientCache cache, boolean enabled) {
    this.providers = Objects.requireNonNull(providers, "providers");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.enabled = enabled;
  }

  /** Passes a prompt that is fine (or when there is no moderator); refuses a flagged one, naming why. */
  void check(String prompt) throws ProviderException {
    if (!enabled) {
      return;
    }
    Optional<Moderator> moderator = providers.get().moderator();
    if (moderator.isEmpty()) {
      return;
    }
    String key = "mod:" + GenerationService.hash(prompt);
    Optional<byte[]> known = cache.get(key);
    String verdict;
    if (known.isPresent()) {
      verdict = new String(known.get(), StandardCharsets.UTF_8);
    } else {
      Moderator.Verdict v = policy.get().call("openai", () -> moderator.get().check(prompt));
      verdict = v.flagged() ? FLAGGED + String.join(", ", v.categories()) : "ok";
      cache.put(key, verdict.getBytes(StandardCharsets.UTF_8), VERDICT_LIFETIME);
    }
    if (verdict.startsWith(FLAGGED)) {
      throw new ProviderException(ProviderException.Kind.REFUSED, "moderation", "prompt flagged",
          "The prompt was refused by moderation (" + verdict.substring(FLAGGED.length())
              + "). Rephrase it and try again.", 0, null, null);
    }
  }
}
