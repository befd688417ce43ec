package dev.contentcreator.local;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.embedded.backup.BackupService;
import dev.contentcreator.embedded.backup.DataDirLock;
import dev.contentcreator.embedded.backup.DataDirLockedException;
import dev.contentcreator.embedded.backup.DataLayout;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code Backup}: backs up the data of a stopped local server now, keeping {@code BACKUP_KEEP}
 * backups. A running server backs itself up on its timer ({@code BACKUP_INTERVAL}); this refuses
 * to run beside it, because only the server itself can hold its blob deletes during a copy.
 */
public final class Backup {
  private Backup() {}

  public static void main(String[] args) {
    Config env = Config.fromEnvironment();
    DataLayout layout = DataLayout.from(env);
    BackupSettings settings = BackupSettings.from(env);
    try (DataDirLock lock = DataDirLock.acquire(layout.dataDir())) {
      Path backup = BackupService.builder(layout).keep(settings.keep()).build().backup();
      Console.say("backup written to " + backup);
    } catch (DataDirLockedException e) {
      Console.say("refused: " + e.getMessage()
          + "; a running server backs itself up every BACKUP_INTERVAL");
      System.exit(1);
    } catch (IOException | RuntimeException e) {
      Console.say("the backup failed: " + e.getMessage());
      System.exit(1);
    }
  }
}
