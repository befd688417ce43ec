package dev.contentcreator.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.ProviderException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Building the adapters from settings. */
class OpenAiServicesTest {
  private static final String KEY = "sk-test-settings-9f8e7d";

  @Test
  void noKeyMeansNoOpenAi() {
    assertTrue(OpenAiServices.fromConfig(Config.of(Map.of(OpenAiSettings.BASE_URL, "http://127.0.0.1:1/v1"))).isEmpty());
  }

  @Test
  void aBlankKeyMeansNoOpenAi() {
    assertTrue(OpenAiServices.fromConfig(Config.of(Map.of(OpenAiSettings.API_KEY, "  "))).isEmpty());
  }

  @Test
  void unsetSettingsTakeTheirDefaults() {
    OpenAiSettings settings = OpenAiSettings.fromConfig(Config.of(Map.of(OpenAiSettings.API_KEY, KEY))).orElseThrow();

    assertEquals(Duration.ofSeconds(60), settings.timeout());
    assertEquals(List.of("gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "gpt-4.1"), settings.textModels());
    assertEquals(List.of("gpt-image-1", "dall-e-3"), settings.imageModels());
    assertEquals("omni-moderation-latest", settings.moderationModel());
    assertTrue(settings.baseUrl().isEmpty());
  }

  @Test
  void modelListsAreReadFromCommaSeparatedSettings() {
    OpenAiServices services = OpenAiServices.fromConfig(Config.of(Map.of(OpenAiSettings.API_KEY, KEY,
        OpenAiSettings.TEXT_MODELS, " llama3.2 ,qwen2.5,, llama3.2", OpenAiSettings.IMAGE_MODELS, "dall-e-2"))).orElseThrow();

    assertEquals(List.of("llama3.2", "qwen2.5"), services.provider().models(ContentKind.TEXT));
    assertEquals(List.of("dall-e-2"), services.provider().models(ContentKind.IMAGE));
  }

  @Test
  void aZeroTimeoutIsRejected() {
    Config config = Config.of(Map.of(OpenAiSettings.API_KEY, KEY, OpenAiSettings.TIMEOUT, "0s"));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpenAiSettings.fromConfig(config));

    assertTrue(e.getMessage().contains(OpenAiSettings.TIMEOUT), e.getMessage());
  }

  @Test
  void theSettingsNeverPrintTheKey() {
    OpenAiSettings settings = OpenAiSettings.fromConfig(Config.of(Map.of(OpenAiSettings.API_KEY, KEY))).orElseThrow();

    assertFalse(settings.toString().contains(KEY), settings.toString());
  }

  @Test
  void theProviderIsOpenAiMakingTextAndImagesAndIsNoDemo() {
    OpenAiServices services = OpenAiServices.fromConfig(Config.of(Map.of(OpenAiSettings.API_KEY, KEY))).orElseThrow();

    assertEquals("openai", services.provider().name());
    assertFalse(services.provider().isDemo());
    assertEquals(Set.of(ContentKind.TEXT, ContentKind.IMAGE), services.provider().kinds());
    assertEquals(List.of(), services.provider().models(ContentKind.VIDEO));
  }

  @Test
  void askingForVideoIsPermanent() {
    OpenAiServices services = OpenAiServices.fromConfig(Config.of(Map.of(OpenAiSettings.API_KEY, KEY))).orElseThrow();
    ItemRequest video = new ItemRequest("item-3", ContentKind.VIDEO, "sora", "waves", null, Map.of(), null);

    ProviderException e = assertThrows(ProviderException.class, () -> services.provider().generate(video, Progress.NONE));

    assertEquals(ProviderException.Kind.PERMANENT, e.kind());
    assertFalse(services.clientCreated());
  }
}
