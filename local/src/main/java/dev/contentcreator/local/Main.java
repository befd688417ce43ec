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
    Workers.start(Platform.get(), new Services(Platform.get()));
    LocalServer server = LocalServer.start(settings);
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
