package dev.contentcreator.openai;

import static dev.contentcreator.openai.FakeOpenAi.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.testkit.classes.RecordingClassLoader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The HTTP client, and openai-java with it, is made on the first call and not before. */
class LazyClientTest {

  @Test
  void buildingTheAdaptersMakesNoHttpClient() {
    AtomicInteger made = new AtomicInteger();
    OpenAiServices services = new OpenAiServices(settings("http://127.0.0.1:9/v1"), counting(made), Clock.systemUTC());

    services.provider().name();
    services.provider().kinds();
    services.provider().models(ContentKind.TEXT);
    services.moderator().model();

    assertEquals(0, made.get());
    assertFalse(services.clientCreated());
  }

  @Test
  void theFirstCallMakesTheClientAndLaterCallsShareIt() throws Exception {
    try (FakeOpenAi fake = FakeOpenAi.start()) {
      fake.on("/v1/chat/completions", FakeOpenAi.sse(fixture("chat-stream.sse")));
      fake.on("/v1/moderations", FakeOpenAi.json(200, fixture("moderation-clean.json")));
      AtomicInteger made = new AtomicInteger();
      OpenAiServices services = new OpenAiServices(settings(fake.baseUrl()), counting(made), Clock.systemUTC());

      services.provider().generate(TestServices.text("one"), Progress.NONE);
      services.moderator().check("two");
      services.provider().generate(TestServices.text("three"), Progress.NONE);

      assertEquals(1, made.get());
      assertEquals(3, fake.requests().size());
      services.close();
    }
  }

  @Test
  void buildingFromConfigLoadsNoClassOfOpenAiJava() throws Exception {
    try (RecordingClassLoader loader = new RecordingClassLoader()) {
      Object services = buildInIsolation(loader);
      Object provider = services.getClass().getMethod("provider").invoke(services);
      provider.getClass().getMethod("name").invoke(provider);
      Object moderator = services.getClass().getMethod("moderator").invoke(services);
      moderator.getClass().getMethod("model").invoke(moderator);

      assertSame(loader, services.getClass().getClassLoader(), "the adapter must come from the isolated loader");
      assertTrue(loader.requested().contains(OpenAiProvider.class.getName()), "the loader records what is loaded");
      assertEquals(List.of(), loader.requestedFrom(RecordingClassLoader.OPENAI_SDK));
    }
  }

  @Test
  void theFirstCallLoadsOpenAiJava() throws Exception {
    try (RecordingClassLoader loader = new RecordingClassLoader()) {
      Object services = buildInIsolation(loader);
      Object moderator = services.getClass().getMethod("moderator").invoke(services);
      Method check = moderator.getClass().getMethod("check", String.class);

      try {
        check.invoke(moderator, "hello");
      } catch (InvocationTargetException expected) {
        // Nothing listens on the port: the call fails, after making the client.
      }

      assertTrue(loader.requestedFrom(RecordingClassLoader.OPENAI_SDK).contains("com.openai.client.okhttp.OpenAIOkHttpClient"),
          loader.requestedFrom(RecordingClassLoader.OPENAI_SDK).toString());
    }
  }

  private static Object buildInIsolation(RecordingClassLoader loader) throws Exception {
    Class<?> config = Class.forName(Config.class.getName(), true, loader);
    Object values = config.getMethod("of", Map.class).invoke(null,
        Map.of(OpenAiSettings.API_KEY, "sk-test-lazy", OpenAiSettings.BASE_URL, "http://127.0.0.1:9/v1"));
    Class<?> services = Class.forName(OpenAiServices.class.getName(), true, loader);
    return ((Optional<?>) services.getMethod("fromConfig", config).invoke(null, values)).orElseThrow();
  }

  private static OpenAiSettings settings(String baseUrl) {
    return OpenAiSettings.fromConfig(Config.of(Map.of(OpenAiSettings.API_KEY, TestServices.KEY,
        OpenAiSettings.BASE_URL, baseUrl, OpenAiSettings.TIMEOUT, "5s"))).orElseThrow();
  }

  private static Function<OpenAiSettings, OpenAIClient> counting(AtomicInteger made) {
    return s -> {
      made.incrementAndGet();
      return OkHttpClients.create(s);
    };
  }
}
