package dev.contentcreator.core.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.SyncProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** TEXT_PROVIDERS and IMAGE_PROVIDERS: which provider takes a job, and where its items may go instead. */
class ProvidersOrderTest {

  record Fake(String name, Set<ContentKind> kinds, boolean isDemo) implements SyncProvider {
    @Override
    public List<String> models(ContentKind kind) {
      return kinds.contains(kind) ? List.of(name + "-" + kind.name().toLowerCase(java.util.Locale.ROOT)) : List.of();
    }

    @Override
    public ItemResult generate(ItemRequest request, Progress progress) {
      throw new UnsupportedOperationException();
    }
  }

  private static final Fake OPENAI = new Fake("openai", Set.of(ContentKind.TEXT, ContentKind.IMAGE), false);
  private static final Fake ANTHROPIC = new Fake("anthropic", Set.of(ContentKind.TEXT), false);
  private static final Fake GEMINI = new Fake("gemini", Set.of(ContentKind.TEXT, ContentKind.IMAGE), false);
  private static final Fake DEMO = new Fake("demo", Set.of(ContentKind.TEXT, ContentKind.IMAGE), true);

  private static Providers providers(List<String> text, List<String> image) {
    return new Providers(List.of(OPENAI, ANTHROPIC, GEMINI, DEMO), List.of(), null, List.of(),
        Map.of(ContentKind.TEXT, text, ContentKind.IMAGE, image));
  }

  @Test
  void aJobNamingNoProviderGoesToTheFirstOfTheOrder() {
    Providers p = providers(List.of("anthropic", "openai", "gemini"), List.of("gemini", "openai"));
    assertEquals("anthropic", p.choose(ContentKind.TEXT, Optional.empty(), Optional.empty()).provider());
    assertEquals("gemini", p.choose(ContentKind.IMAGE, Optional.empty(), Optional.empty()).provider());
  }

  @Test
  void aNamedProviderOrModelWinsOverTheOrder() {
    Providers p = providers(List.of("anthropic", "openai"), List.of());
    assertEquals("openai", p.choose(ContentKind.TEXT, Optional.of("openai"), Optional.empty()).provider());
    assertEquals("gemini", p.choose(ContentKind.TEXT, Optional.empty(), Optional.of("gemini-text")).provider());
  }

  @Test
  void withoutAnOrderTheFirstRealProviderTakesTheJob() {
    Providers p = providers(List.of(), List.of());
    assertEquals("openai", p.choose(ContentKind.TEXT, Optional.empty(), Optional.empty()).provider());
    assertEquals(List.of(), p.fallbacks(ContentKind.TEXT, "openai"));
  }

  @Test
  void fallbacksAreTheOthersAfterItThenBeforeIt() {
    Providers p = providers(List.of("anthropic", "openai", "gemini"), List.of());
    assertEquals(List.of("openai", "gemini"), p.fallbacks(ContentKind.TEXT, "anthropic"));
    assertEquals(List.of("gemini", "anthropic"), p.fallbacks(ContentKind.TEXT, "openai"));
    assertEquals(List.of("anthropic", "openai"), p.fallbacks(ContentKind.TEXT, "gemini"));
  }

  @Test
  void fallbacksSkipProvidersNotConfiguredOrNotMakingTheKind() {
    Providers p = providers(List.of("Anthropic", "mistral", "openai"), List.of("openai", "anthropic", "gemini"));
    assertEquals(List.of("openai"), p.fallbacks(ContentKind.TEXT, "anthropic"));
    assertEquals(List.of("gemini"), p.fallbacks(ContentKind.IMAGE, "openai"));
  }

  @Test
  void aProviderOutsideTheOrderHasNoFallback() {
    Providers p = providers(List.of("anthropic", "openai"), List.of());
    assertEquals(List.of(), p.fallbacks(ContentKind.TEXT, "gemini"));
  }
}
