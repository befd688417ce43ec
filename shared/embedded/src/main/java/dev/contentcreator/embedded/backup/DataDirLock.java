package dev.contentcreator.embedded.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * The lock on a data folder: an OS file lock on {@code <dataDir>/server.lock}. The local server
 * holds it while it runs; a restore takes it so it never replaces data a server is using. The OS
 * drops it when the process ends, however it ends, so a killed server leaves no stale lock.
 */
public final class DataDirLock implements AutoCloseable {
  /** The lock file's name inside the data folder. */
  public static final String FILE_NAME = "server.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code dataDir}, creating the folder and the file if needed.
   *
   * @throws DataDirLockedException if another process, or another holder in this one, has it
   */
  public static DataDirLock acquire(Path dataDir) throws IOException {
    Path dir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE_NAME);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new DataDirLockedException("the data folder " + dir + " is in use: a server holds " + file
          + "; stop it first");
    }
    return new DataDirLock(channel, lock);
  }

  /** Releases the lock; the file stays. */
  @Override
  public void close() throws IOException {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } finally {
      channel.close();
    }
  }
}
