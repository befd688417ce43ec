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
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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
    try (RecordingLoader loader = new RecordingLoader()) {
      Object services = buildInIsolation(loader);
      Object provider = services.getClass().getMethod("provider").invoke(services);
      provider.getClass().getMethod("name").invoke(provider);
      Object moderator = services.getClass().getMethod("moderator").invoke(services);
      moderator.getClass().getMethod("model").invoke(moderator);

      assertSame(loader, services.getClass().getClassLoader(), "the adapter must come from the isolated loader");
      assertTrue(loader.requested.contains(OpenAiProvider.class.getName()), "the loader records what is loaded");
      assertEquals(List.of(), loader.requestedFromTheSdk());
    }
  }

  @Test
  void theFirstCallLoadsOpenAiJava() throws Exception {
    try (RecordingLoader loader = new RecordingLoader()) {
      Object services = buildInIsolation(loader);
      Object moderator = services.getClass().getMethod("moderator").invoke(services);
      Method check = moderator.getClass().getMethod("check", String.class);

      try {
        check.invoke(moderator, "hello");
      } catch (InvocationTargetException expected) {
        // Nothing listens on the port: the call fails, after making the client.
      }

      assertTrue(loader.requestedFromTheSdk().contains("com.openai.client.okhttp.OpenAIOkHttpClient"),
          loader.requestedFromTheSdk().toString());
    }
  }

  private static Object buildInIsolation(RecordingLoader loader) throws Exception {
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

  /**
   * Loads this module and its dependencies again, apart from the test's own classes, and records
   * every class it is asked for.
   */
  private static final class RecordingLoader extends URLClassLoader {
    final List<String> requested = new CopyOnWriteArrayList<>();

    RecordingLoader() {
      super(classPath(), ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      requested.add(name);
      return super.loadClass(name, resolve);
    }

    List<String> requestedFromTheSdk() {
      return requested.stream().filter(n -> n.startsWith("com.openai.") || n.startsWith("okhttp3.")
          || n.startsWith("kotlin.") || n.startsWith("com.fasterxml.")).distinct().toList();
    }

    private static URL[] classPath() {
      return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
          .map(p -> {
            try {
              return new File(p).toURI().toURL();
            } catch (MalformedURLException e) {
              throw new IllegalStateException(e);
            }
          }).toArray(URL[]::new);
    }
  }
}
