package dev.contentcreator.functions.scheduler;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.testkit.http.FakeHttp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Run inside a {@code RecordingClassLoader}: with OpenAI configured, makes an OpenAI batch and
 * serves one scheduler tick through the endpoint, so the loader sees every class the tick needs.
 */
public final class IsolatedTick {
  private IsolatedTick() {}

  /** Returns how many runs the tick started. */
  public static int run(String dataDir) throws ClassNotFoundException {
    // JDBC drivers register with DriverManager once per JVM, from the loader that ran first; this
    // loader's own copy of the SQLite driver must register itself before the store opens.
    Class.forName("org.sqlite.JDBC");
    Clock sunday = Clock.fixed(SchedulerRig.SUNDAY, ZoneOffset.UTC);
    Map<String, String> settings = Map.of("DATA_DIR", dataDir, "OPENAI_API_KEY", "sk-test-not-used",
        "OPENAI_BASE_URL", "http://127.0.0.1:9/v1");
    try (Platform setup = Platform.create(Config.of(settings), sunday)) {
      Services services = new Services(setup);
      // Refused (422) unless the OpenAI adapter is on the classpath and configured.
      SchedulerRig.weeklyBatch(services, Optional.of("openai"));
    }
    Clock monday = Clock.fixed(SchedulerRig.MONDAY_0900.plusSeconds(5), ZoneOffset.UTC);
    try (Platform platform = Platform.create(Config.of(settings), monday)) {
      Services services = new Services(platform);
      FakeHttp.Response r = SchedulerRig.serve(SchedulerRig.endpoint(services, monday, () -> {
        throw new IllegalStateException("a tick makes no exporter");
      }), SchedulerRig.post("/batches:tick", SchedulerRig.INVOKER, monday.instant()));
      if (r.status() != 200) {
        throw new IllegalStateException("the tick answered " + r.status() + ": " + r.text());
      }
      return r.json().get("started").getAsInt();
    }
  }
}
