package dev.contentcreator.local;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import java.nio.file.Files;

/** Starts the product on one machine: the Auth emulator if needed, then every function and the PWA. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    LocalSettings settings = LocalSettings.from(Config.fromEnvironment());
    Files.createDirectories(settings.dataDir());
    AuthEmulator emulator = null;
    if (settings.authEmulatorHost() != null) {
      emulator = AuthEmulator.useOrStart(settings.authEmulatorHost(), settings.projectId(), settings.projectRoot(),
          settings.dataDir().resolve("auth-emulator"), settings.dataDir().resolve("auth-emulator.log"),
          settings.authEmulatorTimeout());
      System.err.println((emulator.startedHere() ? "started the Auth emulator at " : "using the Auth emulator at ")
          + emulator.hostPort());
    }
    Platform.configure(settings.config());
    LocalServer server = LocalServer.start(settings);
    // The queue's workers start beside the listening server: work accepted meanwhile waits in the
    // SQLite file for them. Without workers nothing would ever generate, so failing to start them ends
    // the process rather than leave it half alive.
    Thread workers = new Thread(() -> {
      try {
        Workers.start(Platform.get(), new Services(Platform.get()));
      } catch (RuntimeException | Error e) {
        System.err.println("the queue's workers could not start: " + e);
        e.printStackTrace();
        System.exit(1);
      }
    }, "workers-start");
    workers.start();
    AuthEmulator started = emulator;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      Platform.get().close();
      if (started != null) {
        started.close();
      }
    }, "shutdown"));
    String shown = settings.host().equals("0.0.0.0") ? "localhost" : settings.host();
    System.err.println("Content Creator is running at http://" + shown + ":" + server.port()
        + "/  (data in " + settings.dataDir() + ")");
  }
}
