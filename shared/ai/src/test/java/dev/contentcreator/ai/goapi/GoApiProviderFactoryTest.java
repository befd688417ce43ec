package dev.contentcreator.ai.goapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderException.Kind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GoApiProviderFactoryTest {
  private final FakeGoApi goapi = new FakeGoApi();

  @AfterEach
  void stop() {
    goapi.close();
  }

  private static ItemRequest lighthouse() {
    return new ItemRequest("item-1", ContentKind.IMAGE, "midjourney", "a lighthouse", null, Map.of(), "user-1");
  }

  @Test
  void withoutAKeyGoApiIsNotAvailable() {
    assertTrue(GoApiProviderFactory.fromConfig(Config.of(Map.of())).isEmpty());
  }

  @Test
  void aBlankKeyCountsAsNoKey() {
    assertTrue(GoApiProviderFactory.fromConfig(Config.of(Map.of("GOAPI_API_KEY", "  "))).isEmpty());
  }

  @Test
  void aKeyMakesTheGoapiProvider() {
    assertEquals("goapi", GoApiProviderFactory.fromConfig(Config.of(Map.of("GOAPI_API_KEY", "k-1"))).orElseThrow().name());
  }

  @Test
  void theBaseUrlKeyAndServiceModeAreUsed() throws Exception {
    GoApiProvider provider = GoApiProviderFactory.fromConfig(Config.of(Map.of("GOAPI_API_KEY", "k-1",
        "GOAPI_BASE_URL", goapi.baseUrl().toString(), "GOAPI_SERVICE_MODE", "private"))).orElseThrow();
    goapi.replyFixture("create-midjourney-imagine.json");
    provider.submit(lighthouse(), null, null);
    FakeGoApi.Recorded sent = goapi.onlyRequest();
    assertEquals("k-1", sent.header("X-API-Key"));
    assertEquals("private", JsonParser.parseString(sent.body()).getAsJsonObject().getAsJsonObject("config")
        .get("service_mode").getAsString());
  }

  @Test
  void withoutAServiceModeNoneIsSent() throws Exception {
    GoApiProvider provider = GoApiProviderFactory.fromConfig(Config.of(Map.of("GOAPI_API_KEY", "k-1",
        "GOAPI_BASE_URL", goapi.baseUrl().toString()))).orElseThrow();
    goapi.replyFixture("create-midjourney-imagine.json");
    provider.submit(lighthouse(), null, null);
    assertFalse(JsonParser.parseString(goapi.onlyRequest().body()).getAsJsonObject().has("config"));
  }

  @Test
  void theTimeoutSettingIsUsed() {
    GoApiProvider provider = GoApiProviderFactory.fromConfig(Config.of(Map.of("GOAPI_API_KEY", "k-1",
        "GOAPI_BASE_URL", goapi.baseUrl().toString(), "GOAPI_TIMEOUT", "250ms"))).orElseThrow();
    goapi.replyAfter(Duration.ofSeconds(3), 200, Fixtures.text("create-midjourney-imagine.json"));
    ProviderException e = assertThrows(ProviderException.class, () -> provider.submit(lighthouse(), null, null));
    assertEquals(Kind.TIMEOUT, e.kind());
  }

  @Test
  void anUnknownServiceModeIsABadSetting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoApiProviderFactory.fromConfig(
        Config.of(Map.of("GOAPI_API_KEY", "k-1", "GOAPI_SERVICE_MODE", "cheap"))));
    assertTrue(e.getMessage().contains("GOAPI_SERVICE_MODE"), e.getMessage());
  }

  @Test
  void aBaseUrlThatIsNotHttpIsABadSetting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoApiProviderFactory.fromConfig(
        Config.of(Map.of("GOAPI_API_KEY", "k-1", "GOAPI_BASE_URL", "goapi.ai"))));
    assertTrue(e.getMessage().contains("GOAPI_BASE_URL"), e.getMessage());
  }

  @Test
  void aZeroTimeoutIsABadSetting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoApiProviderFactory.fromConfig(
        Config.of(Map.of("GOAPI_API_KEY", "k-1", "GOAPI_TIMEOUT", "0s"))));
    assertTrue(e.getMessage().contains("GOAPI_TIMEOUT"), e.getMessage());
  }

  @Test
  void aBadKeyIsReportedWithoutTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoApiProviderFactory.fromConfig(
        Config.of(Map.of("GOAPI_API_KEY", "secret part"))));
    assertTrue(e.getMessage().contains("GOAPI_API_KEY"), e.getMessage());
    assertFalse(e.getMessage().contains("secret part"), e.getMessage());
  }
}
