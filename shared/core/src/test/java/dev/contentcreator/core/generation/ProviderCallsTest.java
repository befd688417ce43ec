package dev.contentcreator.core.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderException.Kind;
import dev.contentcreator.core.ports.ai.ProviderPolicy;
import dev.contentcreator.core.ports.ai.SyncProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where an item goes when its provider's circuit is open, and which key each call carries. */
class ProviderCallsTest {
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  /** Circuits open by name; a call to an open one is refused as the guard refuses it. */
  private final Set<String> open = new HashSet<>();
  private final List<String> calls = new ArrayList<>();

  private final ProviderPolicy policy = new ProviderPolicy() {
    @Override
    public <T> T call(String provider, Call<T> call) throws ProviderException {
      if (open.contains(provider)) {
        throw new ProviderException(Kind.RATE_LIMITED, provider, "circuit open", provider + " is failing", 0,
            Duration.ofSeconds(30), null);
      }
      return call.run();
    }

    @Override
    public Optional<Duration> openFor(String provider) {
      return open.contains(provider) ? Optional.of(Duration.ofSeconds(30)) : Optional.empty();
    }
  };

  /** A provider that answers, or fails as told, recording each call with the key it was given. */
  private final class Fake implements SyncProvider {
    private final String name;
    private final boolean demo;
    ProviderException failure;
    boolean opensOnFailure;

    Fake(String name, boolean demo) {
      this.name = name;
      this.demo = demo;
    }

    @Override public String name() { return name; }
    @Override public boolean isDemo() { return demo; }
    @Override public Set<ContentKind> kinds() { return Set.of(ContentKind.TEXT); }
    @Override public List<String> models(ContentKind kind) { return List.of(name + "-model"); }
    @Override public boolean takesProjectKeys() { return !demo; }

    @Override
    public ItemResult generate(ItemRequest request, Progress progress) throws ProviderException {
      return generate(request, progress, null);
    }

    @Override
    public ItemResult generate(ItemRequest request, Progress progress, String key) throws ProviderException {
      calls.add(name + ":" + request.model() + ":" + key);
      if (failure != null) {
        if (opensOnFailure) {
          open.add(name);
        }
        throw failure;
      }
      return new ItemResult(name, request.model(), "made by " + name, List.of(),
          new ItemResult.Usage(10, 5, 0, 0));
    }
  }

  private final Fake anthropic = new Fake("anthropic", false);
  private final Fake openai = new Fake("openai", false);
  private final Fake demo = new Fake("demo", true);

  private ProviderCalls calls(List<String> order, ProjectKeys keys) {
    Providers providers = new Providers(List.of(anthropic, openai, demo), List.of(), null, List.of(),
        Map.of(ContentKind.TEXT, order));
    return new ProviderCalls(() -> providers, () -> policy, new ItemEvents(new JobEvents()),
        GenerationSettings.from(Config.of(Map.of())), Clock.fixed(NOW, ZoneOffset.UTC), keys);
  }

  private static GenerationJob job() {
    return GenerationJob.builder().id("job1").project("p1", "u1").maker(ContentKind.TEXT, "anthropic",
        "claude-sonnet-4-5", false).itemCount(1).request("A tagline", "", Map.of()).times(NOW, NOW).build();
  }

  private static GenerationItem item() {
    return GenerationItem.queued("job1", "p1", 0, null, null, NOW);
  }

  private ItemResult made(ProviderCalls c) throws ProviderException {
    return ((ProviderCalls.Started.Made) c.start(job(), item())).result();
  }

  @Test
  void theJobsProviderMakesTheItemWhileItsCircuitIsClosed() throws Exception {
    ItemResult r = made(calls(List.of("anthropic", "openai"), ProjectKeys.NONE));
    assertEquals("anthropic", r.provider());
    assertEquals(List.of("anthropic:claude-sonnet-4-5:null"), calls);
  }

  @Test
  void anOpenCircuitHandsTheItemToTheNextWithItsDefaultModel() throws Exception {
    open.add("anthropic");
    ItemResult r = made(calls(List.of("anthropic", "openai"), ProjectKeys.NONE));
    assertEquals("openai", r.provider());
    assertEquals("openai-model", r.model());
    assertEquals(List.of("openai:openai-model:null"), calls);
  }

  @Test
  void aFailureThatOpensTheCircuitHandsTheItemOnAtOnce() throws Exception {
    anthropic.failure = new ProviderException(Kind.RATE_LIMITED, "anthropic", "529", "overloaded", 529, null, null);
    anthropic.opensOnFailure = true;
    ItemResult r = made(calls(List.of("anthropic", "openai"), ProjectKeys.NONE));
    assertEquals("openai", r.provider());
    assertEquals(2, calls.size());
  }

  @Test
  void aFailureThatLeavesTheCircuitClosedIsTheQueuesToRetry() {
    anthropic.failure = new ProviderException(Kind.TRANSIENT, "anthropic", "500", "temporary", 500, null, null);
    ProviderException e = assertThrows(ProviderException.class,
        () -> made(calls(List.of("anthropic", "openai"), ProjectKeys.NONE)));
    assertEquals(Kind.TRANSIENT, e.kind());
    assertEquals(1, calls.size(), "no fallback while the provider's circuit is closed");
  }

  @Test
  void withEveryCircuitOpenNothingIsCalledAndTheItemWaits() {
    open.addAll(Set.of("anthropic", "openai"));
    ProviderException e = assertThrows(ProviderException.class,
        () -> made(calls(List.of("anthropic", "openai"), ProjectKeys.NONE)));
    assertEquals(Kind.RATE_LIMITED, e.kind());
    assertEquals(List.of(), calls);
  }

  @Test
  void aFallbackThatWillNotTakeTheOptionsIsSkipped() {
    open.add("anthropic");
    openai.failure = new ProviderException(Kind.PERMANENT, "openai", "bad size", "bad size", 0, null, null);
    ProviderException e = assertThrows(ProviderException.class,
        () -> made(calls(List.of("anthropic", "openai"), ProjectKeys.NONE)));
    assertEquals(Kind.RATE_LIMITED, e.kind(), "the item waits for its own provider rather than fail");
  }

  @Test
  void aRefusalByTheFallbackEndsTheItem() {
    open.add("anthropic");
    openai.failure = new ProviderException(Kind.REFUSED, "openai", "refused", "refused", 200, null, null);
    assertEquals(Kind.REFUSED, assertThrows(ProviderException.class,
        () -> made(calls(List.of("anthropic", "openai"), ProjectKeys.NONE))).kind());
  }

  @Test
  void withoutAnOrderAnOpenCircuitIsTheGuardsToAnswer() {
    open.add("anthropic");
    assertEquals(Kind.RATE_LIMITED, assertThrows(ProviderException.class,
        () -> made(calls(List.of(), ProjectKeys.NONE))).kind());
    assertEquals(List.of(), calls);
  }

  @Test
  void eachCallCarriesTheProjectsOwnKeyForThatProvider() throws Exception {
    open.add("anthropic");
    ProjectKeys keys = (project, provider) -> Optional.of(project + "-" + provider + "-key");
    made(calls(List.of("anthropic", "openai"), keys));
    assertEquals(List.of("openai:openai-model:p1-openai-key"), calls);
  }

  @Test
  void anItemTheDemoTookOverCostsNothing() throws Exception {
    open.add("anthropic");
    ItemResult r = made(calls(List.of("anthropic", "demo"), ProjectKeys.NONE));
    assertEquals("demo", r.provider());
    assertEquals(ItemResult.Usage.NONE, r.usage());
  }
}
