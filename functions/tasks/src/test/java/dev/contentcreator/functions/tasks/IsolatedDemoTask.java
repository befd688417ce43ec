package dev.contentcreator.functions.tasks;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.generation.GenerationTasks;
import dev.contentcreator.core.http.InternalEndpoint;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.testkit.http.FakeHttp;
import java.util.Map;

/**
 * Run inside a {@code RecordingClassLoader}: makes a text job on the offline demo and serves its
 * task through the tasks endpoint, so the loader sees every class one non-OpenAI item needs.
 */
public final class IsolatedDemoTask {
  private IsolatedDemoTask() {}

  /** Returns the status the endpoint answered. */
  public static int run(String dataDir) throws ClassNotFoundException {
    // JDBC drivers register with DriverManager once per JVM, from the loader that ran first; this
    // loader's own copy of the SQLite driver must register itself before the store opens.
    Class.forName("org.sqlite.JDBC");
    try (Platform platform = Platform.create(Config.of(Map.of("DATA_DIR", dataDir, "DEMO_CHUNK_DELAY", "0ms")),
        TasksFunctionTest.CLOCK)) {
      Services services = new Services(platform);
      String jobId = TasksFunctionTest.demoTextJob(services, TasksFunctionTest.aliceProject(services));
      InternalEndpoint endpoint = TasksApi.endpoint(TasksFunctionTest.verifier(),
          GenerationTasks.handlers(services::runner), TasksFunctionTest.CLOCK, TasksFunctionTest.LOG);
      FakeHttp.Response r = TasksFunctionTest.serve(endpoint, TasksFunctionTest.task(GenerationSettings.GENERATE_HANDLER,
          "{\"jobId\":\"" + jobId + "\",\"index\":0}"));
      return r.status();
    }
  }
}
