package dev.contentcreator.local;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.platform.AuthEmulatorGuard;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.embedded.backup.BackupService;
import dev.contentcreator.embedded.backup.DataDirLock;
import dev.contentcreator.embedded.backup.DataDirLockedException;
import dev.contentcreator.embedded.backup.DataLayout;
import dev.contentcreator.embedded.blobs.FolderBlobStore;
import java.io.IOException;
import java.nio.file.Files;

/** Starts the product on one machine: the Auth emulator if needed, then every function and the PWA. */
public final class Main {
  private Main() {}

  /**
   * The Pub/Sub client logs at INFO each time the emulator leaves its keep-alive ping unanswered
   * (every 20 s, harmless: it reopens the stream); held here so the level is not garbage collected.
   */
  private static final java.util.logging.Logger PUBSUB_LOG = java.util.logging.Logger.getLogger("com.google.cloud.pubsub.v1");

  public static void main(String[] args) throws Exception {
    PUBSUB_LOG.setLevel(java.util.logging.Level.WARNING);
    LocalSettings settings;
    try {
      settings = LocalSettings.from(Config.fromEnvironment());
      // The check every function makes as it starts, made before anything is started here.
      AuthEmulatorGuard.check(settings.config());
    } catch (IllegalArgumentException | IllegalStateException e) {
      Console.say(e.getMessage());
      System.exit(2);
      return;
    }
    Files.createDirectories(settings.dataDir());
    // Held until the process ends, so a restore never replaces data this server is using.
    DataDirLock lock;
    try {
      lock = DataDirLock.acquire(settings.dataDir());
    } catch (DataDirLockedException e) {
      Console.say(e.getMessage() + " (is another local server running on it?)");
      System.exit(1);
      return;
    }
    AuthEmulator emulator = null;
    if (settings.authEmulatorHost() != null) {
      emulator = AuthEmulator.useOrStart(settings.authEmulatorHost(), settings.projectId(), settings.projectRoot(),
          settings.dataDir().resolve("auth-emulator"), settings.dataDir().resolve("auth-emulator.log"),
          settings.authEmulatorTimeout());
      Console.say((emulator.startedHere() ? "started the Auth emulator at " : "using the Auth emulator at ")
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
        Log.error("the queue's workers could not start", e);
        System.exit(1);
      }
    }, "workers-start");
    workers.start();
    BackupTimer backups = backupTimer(settings);
    AuthEmulator started = emulator;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (backups != null) {
        backups.close();
      }
      server.close();
      Platform.get().close();
      if (started != null) {
        started.close();
      }
      try {
        lock.close();
      } catch (IOException e) {
        Log.warning("could not release " + settings.dataDir().resolve(DataDirLock.FILE_NAME), e);
      }
    }, "shutdown"));
    String shown = settings.host().equals("0.0.0.0") ? "localhost" : settings.host();
    Console.say("Content Creator is running at http://" + shown + ":" + server.port()
        + "/  (data in " + settings.dataDir() + ")");
  }

  /**
   * Starts the backup timer when backups are on and the data is embedded (the SQLite file and the
   * blob folder); returns null otherwise.
   */
  private static BackupTimer backupTimer(LocalSettings settings) {
    BackupSettings backup = BackupSettings.from(settings.config());
    if (backup.interval().isEmpty()) {
      Console.say("scheduled backups are off (BACKUP_INTERVAL=off)");
      return null;
    }
    Platform platform = Platform.get();
    if (!platform.config().get(Settings.DOCUMENTS).equals("sqlite")
        || !(platform.blobs() instanceof FolderBlobStore blobs)) {
      Console.say("scheduled backups are off: they cover the SQLite documents and the blob folder only");
      return null;
    }
    DataLayout layout = DataLayout.from(platform.config());
    BackupService.Builder service = BackupService.builder(layout).keep(backup.keep());
    if (blobs.root().equals(layout.blobs())) {
      service.liveBlobs(blobs);
    }
    BackupTimer timer = new BackupTimer(service.build(), backup.interval().get(), BackupTimer.daemonThread());
    timer.start();
    Console.say("backing up every " + backup.interval().get() + " to " + layout.backups()
        + ", keeping " + backup.keep());
    return timer;
  }
}
