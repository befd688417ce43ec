package dev.contentcreator.functions.tasks;

import static dev.contentcreator.functions.tasks.TasksFunctionTest.CLOCK;
import static dev.contentcreator.functions.tasks.TasksFunctionTest.LOG;
import static dev.contentcreator.functions.tasks.TasksFunctionTest.serve;
import static dev.contentcreator.functions.tasks.TasksFunctionTest.task;
import static dev.contentcreator.functions.tasks.TasksFunctionTest.verifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.generation.GenerationRequest;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.generation.GenerationTasks;
import dev.contentcreator.core.generation.Jobs;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.http.InternalEndpoint;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.core.usage.UsageView;
import dev.contentcreator.testkit.http.FakeApiServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ordered fallback of TEXT_PROVIDERS, through the real task runner, guard and adapters against
 * local servers speaking Anthropic's and OpenAI's wire formats: once Anthropic's circuit is open its
 * items go to OpenAI, each item says which provider made it, and each is charged once.
 */
class ProviderFallbackTest {
  static final String OVERLOADED = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
  static final String OPENAI_STREAM = String.join("\n\n",
      "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
          + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Warm bread, \"},\"finish_reason\":null}]}",
      "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
          + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"every morning.\"},\"finish_reason\":\"stop\"}]}",
      "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
          + "\"choices\":[],\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":7,\"total_tokens\":47}}",
      "data: [DONE]");

  @TempDir Path dir;
  private final FakeApiServer anthropic = FakeApiServer.start("anthropic");
  private final FakeApiServer openai = FakeApiServer.start("openai");
  private Platform platform;

  @AfterEach
  void close() {
    if (platform != null) {
      platform.close();
    }
    anthropic.close();
    openai.close();
  }

  private Services services(String textProviders) {
    Map<String, String> settings = new HashMap<>(Map.of("DATA_DIR", dir.toString(), "MODERATION", "false",
        "ANTHROPIC_API_KEY", "sk-ant-test-1", "ANTHROPIC_BASE_URL", anthropic.baseUrl(),
        "OPENAI_API_KEY", "sk-test-1", "OPENAI_BASE_URL", openai.baseUrl() + "/v1",
        "GUARD_ATTEMPTS", "1", "GUARD_BREAKER_FAILURE_RATE", "0", "GUARD_BREAKER_FAILURES", "2",
        "GUARD_BREAKER_DELAY", "10m"));
    if (textProviders != null) {
      settings.put("TEXT_PROVIDERS", textProviders);
    }
    platform = Platform.create(Config.of(settings), CLOCK);
    return new Services(platform);
  }

  private static String job(Services services, int count) {
    Caller alice = new Caller("alice", "alice@example.com", "Alice", null);
    services.users().ensure(alice);
    String project = services.projects().create(alice, "Bakery", "").id();
    return services.generation().create(alice, project, "key-1", new GenerationRequest(ContentKind.TEXT,
        Optional.of("A tagline for a bakery"), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
        Map.of(), count, false, Optional.empty())).jobId();
  }

  private static int run(InternalEndpoint gateway, String jobId, int index) {
    return serve(gateway, task(GenerationSettings.GENERATE_HANDLER,
        "{\"jobId\":\"" + jobId + "\",\"index\":" + index + "}")).status();
  }

  private GenerationItem item(String jobId, int index) {
    return Jobs.items(platform.documents(), jobId).get(index);
  }

  @Test
  void onceAnthropicsCircuitOpensItsItemsGoToOpenAiAndEachIsChargedOnce() {
    anthropic.on("/v1/messages", FakeApiServer.json(529, OVERLOADED));
    openai.on("/v1/chat/completions", FakeApiServer.sse(OPENAI_STREAM));
    Services services = services("anthropic,openai");
    InternalEndpoint gateway = TasksApi.endpoint(verifier(), GenerationTasks.handlers(services::runner), CLOCK, LOG);
    String jobId = job(services, 3);
    assertEquals("anthropic", platform.documents().get(Jobs.JOBS, jobId).map(Jobs::job).orElseThrow().provider(),
        "the first of TEXT_PROVIDERS takes a job that names no provider");

    // The first overload leaves the circuit closed: the queue tries the item again later.
    assertNotEquals(204, run(gateway, jobId, 0));
    assertEquals(0, openai.requests().size());
    // The second opens it: the item goes to OpenAI at once. The others skip Anthropic altogether.
    assertEquals(204, run(gateway, jobId, 0));
    assertEquals(204, run(gateway, jobId, 1));
    assertEquals(204, run(gateway, jobId, 2));

    assertEquals(2, anthropic.requests().size(), "nothing is sent to a provider whose circuit is open");
    assertEquals(3, openai.requests().size());
    GenerationJob job = platform.documents().get(Jobs.JOBS, jobId).map(Jobs::job).orElseThrow();
    assertEquals(GenerationJob.Status.COMPLETED, job.status());
    for (int i = 0; i < 3; i++) {
      GenerationItem made = item(jobId, i);
      assertEquals(GenerationItem.Status.COMPLETED, made.status());
      assertEquals("openai", made.provider());
      assertEquals("gpt-4o-mini", made.model());
      var version = services.contents().versions("alice", job.projectId(), made.contentId()).get(0);
      assertEquals("openai", version.provider());
      assertEquals("gpt-4o-mini", version.model());
      assertEquals("Warm bread, every morning.", version.text());
    }
    UsageView used = services.usage().ofUser("alice");
    assertEquals(3 * 40, used.inputTokens(), "OpenAI's usage, once per item; the failed tries cost nothing");
    assertEquals(3 * 7, used.outputTokens());

    // A redelivered task calls nobody and charges nothing again.
    assertEquals(204, run(gateway, jobId, 0));
    assertEquals(3, openai.requests().size());
    assertEquals(used, services.usage().ofUser("alice"));

    // With OpenAI's circuit closed, new jobs are still accepted while Anthropic's is open; what the
    // fallback made is not reused from the cache for a job asking the same of Anthropic.
    Caller alice = new Caller("alice", "alice@example.com", "Alice", null);
    String again = services.generation().create(alice, job.projectId(), "key-2", new GenerationRequest(
        ContentKind.TEXT, Optional.of("A tagline for a bakery"), Optional.empty(), Map.of(), Optional.empty(),
        Optional.empty(), Map.of(), 1, false, Optional.empty())).jobId();
    assertEquals(204, run(gateway, again, 0));
    assertEquals(4, openai.requests().size());
    assertEquals(false, item(again, 0).cached());
  }

  @Test
  void withoutAnOrderTheItemWaitsForItsOwnProvider() {
    anthropic.on("/v1/messages", FakeApiServer.json(529, OVERLOADED));
    Services services = services(null);
    InternalEndpoint gateway = TasksApi.endpoint(verifier(), GenerationTasks.handlers(services::runner), CLOCK, LOG);
    Caller alice = new Caller("alice", "alice@example.com", "Alice", null);
    services.users().ensure(alice);
    String project = services.projects().create(alice, "Bakery", "").id();
    String jobId = services.generation().create(alice, project, "key-1", new GenerationRequest(ContentKind.TEXT,
        Optional.of("A tagline"), Optional.empty(), Map.of(), Optional.of("anthropic"), Optional.empty(),
        Map.of(), 1, false, Optional.empty())).jobId();

    for (int i = 0; i < 3; i++) {
      assertNotEquals(204, run(gateway, jobId, 0));
    }
    assertEquals(2, anthropic.requests().size(), "the third try meets the open circuit and sends nothing");
    assertTrue(openai.requests().isEmpty());
    assertEquals(GenerationItem.Status.RUNNING, item(jobId, 0).status());
    assertEquals(List.of(), services.contents().list("alice", project, Optional.empty(), 100, null).items());
    // With nowhere else to go, new jobs for it are refused while its circuit is open.
    ApiException refused = assertThrows(ApiException.class, () -> services.generation().create(alice, project,
        "key-2", new GenerationRequest(ContentKind.TEXT, Optional.of("Another"), Optional.empty(), Map.of(),
            Optional.of("anthropic"), Optional.empty(), Map.of(), 1, false, Optional.empty())));
    assertEquals(503, refused.status());
  }
}
