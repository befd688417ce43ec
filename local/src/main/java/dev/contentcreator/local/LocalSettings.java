package dev.contentcreator.local;

import dev.contentcreator.core.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The local server's settings, each an environment variable with a default for one machine:
 * {@code HOST} (127.0.0.1; 0.0.0.0 to reach it from a phone), {@code PORT} (8080),
 * {@code DATA_DIR} (./.data), {@code PROJECT_ROOT} (.), {@code HTTP_THREADS} (32),
 * {@code FIREBASE_PROJECT_ID} (demo-contentcreator), {@code FIREBASE_API_KEY} (demo-api-key),
 * {@code AUTH_EMULATOR} ({@code auto}: use the one at FIREBASE_AUTH_EMULATOR_HOST or start it;
 * {@code off}: real Firebase Auth), {@code FIREBASE_AUTH_EMULATOR_HOST} (127.0.0.1:9099),
 * {@code AUTH_EMULATOR_START_TIMEOUT} (120s).
 */
public record LocalSettings(
    String host,
    int port,
    Path dataDir,
    Path projectRoot,
    int threads,
    String projectId,
    String firebaseApiKey,
    String authEmulatorHost,
    Duration authEmulatorTimeout,
    Config config) {

  public static LocalSettings from(Config env) {
    Path dataDir = env.getPath("DATA_DIR", ".data");
    Path root = env.getPath("PROJECT_ROOT", ".");
    String projectId = env.find("FIREBASE_PROJECT_ID").or(() -> env.find("GOOGLE_CLOUD_PROJECT"))
        .orElse("demo-contentcreator");
    boolean emulator = !env.get("AUTH_EMULATOR", "auto").equalsIgnoreCase("off");
    String emulatorHost = emulator ? env.get("FIREBASE_AUTH_EMULATOR_HOST", "127.0.0.1:9099") : null;
    Map<String, String> derived = new HashMap<>();
    derived.put("DATA_DIR", dataDir.toString());
    derived.put("FIREBASE_PROJECT_ID", projectId);
    if (emulatorHost != null) {
      derived.put("FIREBASE_AUTH_EMULATOR_HOST", emulatorHost);
    }
    if (env.find("QUEUE_WORKERS").isEmpty()) {
      // Enough dispatchers for the generation queue's concurrency, plus room for polls and the fan-out.
      derived.put("QUEUE_WORKERS", Integer.toString(env.getInt("GENERATION_CONCURRENCY", 32) + 4));
    }
    int port = env.getInt("PORT", 8080);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("PORT must be 0 to 65535, got: " + port);
    }
    return new LocalSettings(env.get("HOST", "127.0.0.1"), port, dataDir, root,
        Math.max(2, env.getInt("HTTP_THREADS", 32)), projectId, env.get("FIREBASE_API_KEY", "demo-api-key"),
        emulatorHost, env.getDuration("AUTH_EMULATOR_START_TIMEOUT", Duration.ofSeconds(120)),
        env.with(derived));
  }
}
