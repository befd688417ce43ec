package dev.contentcreator.openai;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.ports.ai.ItemRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Builds the adapters against a {@link FakeOpenAi}, and requests to send them. */
final class TestServices {
  static final String KEY = "sk-test-Rq81xV0pLmZ4aB7c";

  private TestServices() {}

  static Config config(FakeOpenAi fake, String... more) {
    Map<String, String> values = new HashMap<>();
    values.put(OpenAiSettings.API_KEY, KEY);
    values.put(OpenAiSettings.BASE_URL, fake.baseUrl());
    values.put(OpenAiSettings.TIMEOUT, "5s");
    for (int i = 0; i < more.length; i += 2) {
      values.put(more[i], more[i + 1]);
    }
    return Config.of(values);
  }

  static OpenAiServices services(FakeOpenAi fake, String... more) {
    return OpenAiServices.fromConfig(config(fake, more)).orElseThrow();
  }

  static OpenAiServices services(FakeOpenAi fake, Clock clock) {
    OpenAiSettings settings = OpenAiSettings.fromConfig(config(fake)).orElseThrow();
    return new OpenAiServices(settings, OkHttpClients::create, clock);
  }

  static ItemRequest text(String prompt, String system, Map<String, String> options) {
    return new ItemRequest("item-1", ContentKind.TEXT, "gpt-4o-mini", prompt, system, options, "user-42");
  }

  static ItemRequest text(String prompt) {
    return text(prompt, "You write for a coffee roaster.", Map.of());
  }

  static ItemRequest image(String model, Map<String, String> options) {
    return new ItemRequest("item-2", ContentKind.IMAGE, model, "a tiny test pattern", null, options, "user-42");
  }
}
