package dev.contentcreator.local;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.embedded.backup.DataDirLockedException;
import dev.contentcreator.embedded.backup.DataLayout;
import dev.contentcreator.embedded.backup.InvalidBackupException;
import dev.contentcreator.embedded.backup.RestoreService;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code Restore <backup-folder>}: puts a backup in place of the data of a stopped local server
 * ({@code DATA_DIR}, {@code SQLITE_PATH}, {@code BLOBS_DIR}). Exits 0 when restored, 1 when refused
 * or failed, 2 on wrong usage.
 */
public final class Restore {
  private Restore() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      Console.say("usage: Restore <backup-folder>   (a folder under $DATA_DIR/backups/)");
      System.exit(2);
    }
    DataLayout layout = DataLayout.from(Config.fromEnvironment());
    Path backup = Path.of(args[0]).toAbsolutePath().normalize();
    Console.say("restoring " + backup + " into " + layout.dataDir());
    try {
      RestoreService.Result result = RestoreService.create().restore(backup, layout);
      Console.say("restored the backup taken at " + result.manifest().createdAt() + ": "
          + result.manifest().files().size() + " blob files and the database");
      Console.say("the data it replaced is in " + result.setAside() + "; delete it once you are satisfied");
    } catch (DataDirLockedException e) {
      Console.say("refused: " + e.getMessage());
      System.exit(1);
    } catch (InvalidBackupException e) {
      Console.say("refused, nothing was changed: " + e.getMessage());
      System.exit(1);
    } catch (IOException | RuntimeException e) {
      Console.say("the restore failed: " + e.getMessage());
      System.exit(1);
    }
  }
}
