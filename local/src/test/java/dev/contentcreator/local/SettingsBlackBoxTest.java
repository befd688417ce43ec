package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.contentcreator.core.config.Setting;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.local.Emulator.Person;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The defaults README.md documents, set explicitly, are values the server reads and runs with. */
class SettingsBlackBoxTest {
  /** ServerProcess gives each server its own port, folder, checkout and emulator. */
  private static final Set<String> SET_BY_THE_TEST = Set.of("PORT", "DATA_DIR", "PROJECT_ROOT", "FIREBASE_AUTH_EMULATOR_HOST");

  @TempDir Path data;

  @Test
  void generationCacheTtlOfSevenDaysAndDemoLatencyOfZeroAsDocumentedServeAGeneration() throws Exception {
    assertGenerates(Map.of("GENERATION_CACHE_TTL", "7d", "DEMO_LATENCY", "0"));
  }

  @Test
  void everyDocumentedDefaultWrittenOutServesAGeneration() throws Exception {
    Map<String, String> env = new HashMap<>();
    for (Setting<?> s : Settings.all()) {
      if (!SET_BY_THE_TEST.contains(s.name())) {
        s.defaultText().ifPresent(v -> env.put(s.name(), v));
      }
    }
    assertGenerates(env);
  }

  private void assertGenerates(Map<String, String> env) throws Exception {
    Emulator.ensureRunning();
    try (ServerProcess server = ServerProcess.start(data, env)) {
      Api api = new Api(server.base());
      Person owner = Emulator.signUp("settings");
      String project = api.post("/api/projects", owner.idToken(), "{\"name\":\"Defaults\"}").expect(201).object()
          .get("id").getAsString();
      String jobId = api.send("POST", "/api/projects/" + project + "/generations", owner.idToken(),
          "{\"kind\":\"text\",\"prompt\":\"One line about defaults\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString()))
          .expect(202).object().get("id").getAsString();
      JsonObject job = null;
      for (int i = 0; i < 300; i++) {
        job = api.get("/api/projects/" + project + "/generations/" + jobId, owner.idToken()).expect(200).object();
        if (List.of("completed", "failed", "cancelled").contains(job.get("status").getAsString())) {
          break;
        }
        Thread.sleep(100);
      }
      assertEquals("completed", job.get("status").getAsString(), job.toString());
    }
  }
}
