package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.embedded.backup.BackupService;
import dev.contentcreator.embedded.backup.DataLayout;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local server's backup timer and its settings. */
final class BackupTimerTest {
  @TempDir
  Path folder;

  @Test
  void theTimerSchedulesBackupsEveryIntervalAndStopsOnClose() throws Exception {
    DataLayout layout = DataLayout.standard(folder);
    SqliteDocumentStore.open(layout.database()).close();
    List<Duration> periods = new ArrayList<>();
    List<Runnable> tasks = new ArrayList<>();
    boolean[] stopped = {false};
    BackupTimer timer = new BackupTimer(BackupService.builder(layout).build(), Duration.ofHours(6), (period, task) -> {
      periods.add(period);
      tasks.add(task);
      return () -> stopped[0] = true;
    });

    timer.start();
    assertEquals(List.of(Duration.ofHours(6)), periods);
    assertEquals(0, BackupService.builder(layout).build().backups().size(), "a backup ran at start");

    tasks.get(0).run();
    assertEquals(1, BackupService.builder(layout).build().backups().size());

    timer.close();
    assertTrue(stopped[0], "the scheduler was not stopped");
  }

  @Test
  void settingsDefaultToADailyBackupKeepingSeven() {
    assertEquals(new BackupSettings(Optional.of(Duration.ofHours(24)), 7), BackupSettings.from(Config.of(Map.of())));
  }

  @Test
  void offTurnsTheTimerOff() {
    assertEquals(Optional.empty(), BackupSettings.from(Config.of(Map.of("BACKUP_INTERVAL", "off"))).interval());
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> BackupSettings.from(Config.of(Map.of("BACKUP_INTERVAL", "0s"))));
    assertThrows(IllegalArgumentException.class, () -> BackupSettings.from(Config.of(Map.of("BACKUP_KEEP", "0"))));
  }
}
