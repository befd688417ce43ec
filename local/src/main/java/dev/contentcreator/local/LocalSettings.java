package dev.contentcreator.local;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.ProjectId;
import dev.contentcreator.core.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The local server's settings, each an environment variable with a default for one machine:
 * {@code HOST} (127.0.0.1; another address, such as 0.0.0.0 for phones and a team on the network,
 * only with {@code AUTH_EMULATOR=off}), {@code PORT} (8080),
 * {@code DATA_DIR} (./.data), {@code PROJECT_ROOT} (.), {@code HTTP_THREADS} (32),
 * {@code FIREBASE_PROJECT_ID} (demo-contentcreator), {@code FIREBASE_API_KEY} (demo-api-key),
 * {@code AUTH_EMULATOR} ({@code auto}: use the one at FIREBASE_AUTH_EMULATOR_HOST or start it;
 * {@code off}: real Firebase Auth), {@code FIREBASE_AUTH_EMULATOR_HOST} (127.0.0.1:9099),
 * {@code AUTH_EMULATOR_START_TIMEOUT} (120s).
 *
 * <p>The Auth emulator accepts unsigned ID tokens and answers its admin API to anyone who says
 * {@code Bearer owner}, so it is for one person on one machine: with the emulator, the server
 * listens on loopback only and the emulator must be on loopback too ({@link #from} refuses
 * otherwise, saying what to set). To serve a network, use real Firebase Auth.
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
    Path dataDir = env.get(Settings.DATA_DIR);
    Path root = env.get(Settings.PROJECT_ROOT);
    String projectId = ProjectId.resolve(env);
    boolean emulator = !env.get(Settings.AUTH_EMULATOR).equalsIgnoreCase("off");
    String emulatorHost = emulator ? env.get(Settings.FIREBASE_AUTH_EMULATOR_HOST) : null;
    String host = env.get(Settings.HOST);
    if (emulator) {
      requireLoopback(host, emulatorHost);
    } else if (env.find(Settings.FIREBASE_AUTH_EMULATOR_HOST).isPresent()) {
      throw new IllegalArgumentException("AUTH_EMULATOR=off, but FIREBASE_AUTH_EMULATOR_HOST is set: Firebase's "
          + "libraries would still trust the emulator's unsigned tokens. Unset FIREBASE_AUTH_EMULATOR_HOST.");
    }
    Map<String, String> derived = new HashMap<>();
    derived.put("DATA_DIR", dataDir.toString());
    derived.put("FIREBASE_PROJECT_ID", projectId);
    if (emulatorHost != null) {
      derived.put("FIREBASE_AUTH_EMULATOR_HOST", emulatorHost);
    }
    if (env.find(Settings.QUEUE_WORKERS).isEmpty()) {
      // Enough dispatchers for the generation queue's concurrency, plus room for polls and the fan-out.
      derived.put("QUEUE_WORKERS", Integer.toString(env.get(Settings.GENERATION_CONCURRENCY) + 4));
    }
    int port = env.get(Settings.PORT);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("PORT must be 0 to 65535, got: " + port);
    }
    return new LocalSettings(host, port, dataDir, root,
        Math.max(2, env.get(Settings.HTTP_THREADS)), projectId, env.get(Settings.FIREBASE_API_KEY),
        emulatorHost, env.get(Settings.AUTH_EMULATOR_START_TIMEOUT),
        env.with(derived));
  }

  private static void requireLoopback(String host, String emulatorHost) {
    if (!isLoopback(host)) {
      throw new IllegalArgumentException("refusing to listen on HOST=" + host + " with the Firebase Auth emulator: "
          + "it accepts unsigned ID tokens and anyone who reached this port could act as any user or change "
          + "their passwords. Keep HOST=127.0.0.1, or to let phones and a team on your network in, use real "
          + "Firebase Auth: AUTH_EMULATOR=off with FIREBASE_PROJECT_ID and FIREBASE_API_KEY of your Firebase "
          + "project and GOOGLE_APPLICATION_CREDENTIALS (see README, \"Serving a team on your network\").");
    }
    int colon = emulatorHost.lastIndexOf(':');
    String emulatorName = colon > 0 ? emulatorHost.substring(0, colon) : emulatorHost;
    if (!isLoopback(emulatorName)) {
      throw new IllegalArgumentException("FIREBASE_AUTH_EMULATOR_HOST=" + emulatorHost + " is not a loopback "
          + "address: the Auth emulator must be reachable from this machine only. Use 127.0.0.1:<port>.");
    }
  }

  /** Whether {@code host} names this machine's loopback only (127.0.0.0/8, ::1, localhost); no lookup. */
  static boolean isLoopback(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    return h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }
}
