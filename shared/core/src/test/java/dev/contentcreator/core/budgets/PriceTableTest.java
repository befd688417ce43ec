package dev.contentcreator.core.budgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.usage.Limits;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceTableTest {
  private static final Limits FALLBACK = new Limits(1, 1, 1, 0.5, 2.0, 9_000, 7_000);
  private final PriceTable table = PriceTable.of(null, FALLBACK);

  @Test
  void aTextModelIsChargedPerMillionTokensInAndOut() {
    // gpt-4o-mini: $0.15 in and $0.60 out per million tokens.
    assertEquals(150_000 + 600_000, table.cost("openai", "gpt-4o-mini", ContentKind.TEXT, Map.of(), 1_000_000,
        1_000_000, 0, 0));
    assertEquals(3 * 1_000 + 15 * 100, table.cost("anthropic", "claude-sonnet-4-5", ContentKind.TEXT, Map.of(),
        1_000, 100, 0, 0));
  }

  @Test
  void anImageIsPricedByQualityAndSizeThenSizeThenItsOnePrice() {
    assertEquals(167_000, table.cost("openai", "gpt-image-1", ContentKind.IMAGE,
        Map.of("quality", "high", "size", "1024x1024"), 0, 0, 1, 0));
    assertEquals(2 * 63_000, table.cost("openai", "gpt-image-1", ContentKind.IMAGE, Map.of("size", "1536x1024"), 0, 0,
        2, 0));
    assertEquals(42_000, table.cost("openai", "gpt-image-1", ContentKind.IMAGE, Map.of(), 0, 0, 1, 0));
    assertEquals(120_000, table.cost("openai", "dall-e-3", ContentKind.IMAGE,
        Map.of("quality", "HD", "size", "1792x1024"), 0, 0, 1, 0));
  }

  @Test
  void anImageModelsPromptTokensCostNothingUnlessTheTablePricesThem() {
    assertEquals(1_500, table.cost("goapi", "Qubico/flux1-schnell", ContentKind.IMAGE, Map.of(), 40, 0, 1, 0));
    assertEquals(39_000 + 300, table.cost("gemini", "gemini-2.5-flash-image", ContentKind.IMAGE, Map.of(), 1_000, 0,
        1, 0));
  }

  @Test
  void aTaskPriceIsTheWholeItemsCostAndVideoIsPerSecond() {
    assertEquals(70_000, table.cost("goapi", "midjourney", ContentKind.IMAGE, Map.of(), 0, 0, 4, 0));
    assertEquals(250_000, table.cost("goapi", "kling", ContentKind.VIDEO, Map.of(), 0, 0, 0, 5));
  }

  @Test
  void theDemoIsFreeByDefaultAndAModelInNeitherIsPricedByTheSettings() {
    assertEquals(0, table.cost("demo", "demo-text", ContentKind.TEXT, Map.of(), 1_000, 1_000, 0, 0));
    assertEquals(0, table.cost("demo", "demo-image", ContentKind.IMAGE, Map.of(), 0, 0, 3, 0));
    assertEquals(Math.round(100 * 0.5 + 10 * 2.0) + 9_000, table.cost("openai", "some-new-model", ContentKind.TEXT,
        Map.of(), 100, 10, 1, 0));
  }

  @Test
  void theSettingReplacesOrAddsEntries() {
    PriceTable priced = PriceTable.of("{\"demo/*\":{\"image\":0.10},\"openai/gpt-4o-mini\":{\"input\":1,\"output\":2}}",
        FALLBACK);
    assertEquals(200_000, priced.cost("demo", "demo-image", ContentKind.IMAGE, Map.of(), 0, 0, 2, 0));
    assertEquals(1_000 + 2_000, priced.cost("openai", "gpt-4o-mini", ContentKind.TEXT, Map.of(), 1_000, 1_000, 0, 0));
    assertEquals(2_000_000, priced.cost("openai", "gpt-4o", ContentKind.TEXT, Map.of(), 0, 200_000, 0, 0),
        "the other built-in prices stay");
  }

  @Test
  void fromReadsThePriceTableSetting() {
    PriceTable fromConfig = PriceTable.from(Config.of(Map.of("PRICE_TABLE", "{\"demo/*\":{\"second\":0.01}}")));
    assertEquals(50_000, fromConfig.cost("demo", "v", ContentKind.VIDEO, Map.of(), 0, 0, 0, 5));
  }

  @Test
  void aBadTableIsRefusedWithWhatIsWrong() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PriceTable.of("[1]", FALLBACK)).getMessage()
        .contains("JSON object"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PriceTable.of("{\"gpt\":{}}", FALLBACK))
        .getMessage().contains("provider/model"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> PriceTable.of("{\"a/b\":{\"input\":-1}}", FALLBACK)).getMessage().contains("from 0 to 1000"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> PriceTable.of("{\"a/b\":{\"perToken\":1}}", FALLBACK)).getMessage().contains("unknown price"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> PriceTable.of("{\"a/b\":{\"input\":\"cheap\"}}", FALLBACK)).getMessage().contains("number of dollars"));
  }
}
