package dev.contentcreator.functions.generations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.testkit.classes.RecordingClassLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * This function accepts jobs and chooses each one's provider, so it must see every provider the
 * deployment configures: with an OpenAI key, text goes to OpenAI, not to the offline demo. Choosing
 * must not load openai-java, which only the runner of a task needs.
 */
class ProviderChoiceTest {

  @Test
  void withAnOpenAiKeyTextAndImagesGoToOpenAi() throws Exception {
    try (RecordingClassLoader loader = new RecordingClassLoader()) {
      List<String> chosen = choose(loader, Map.of("OPENAI_API_KEY", "sk-test"));
      assertEquals(List.of("openai", "openai"), chosen);
      assertEquals(List.of(), loader.requestedFrom(RecordingClassLoader.OPENAI_SDK),
          "choosing a provider loaded the OpenAI client");
    }
  }

  @Test
  void withoutKeysOnlyTheDemoIsOffered() throws Exception {
    try (RecordingClassLoader loader = new RecordingClassLoader()) {
      assertEquals(List.of("demo", "demo"), choose(loader, Map.of()));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> choose(ClassLoader loader, Map<String, String> settings) throws Exception {
    Class<?> chooser = Class.forName(IsolatedChoice.class.getName(), true, loader);
    assertTrue(chooser.getClassLoader() == loader, "the chooser must come from the recording loader");
    return (List<String>) chooser.getMethod("run", Map.class).invoke(null, settings);
  }
}
