package dev.contentcreator.embedded.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Puts a backup back in place of a stopped server's data. In order: it {@linkplain #verify verifies}
 * the backup, refusing when a file is missing or its size or SHA-256 differs from the manifest;
 * takes the data folder's {@link DataDirLock} (refusing while a server holds it); copies the backup
 * into a hidden folder beside the data, checking every byte again; moves the current database
 * (with its {@code -wal} and {@code -shm} files) and blob folder to
 * {@code <dataDir>/pre-restore-<UTC time>/}; and renames the copies into their places.
 */
public final class RestoreService {
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final List<String> DATABASE_SUFFIXES = List.of("", "-wal", "-shm");

  private final Clock clock;

  private RestoreService(Clock clock) {
    this.clock = clock;
  }

  /** A restore service naming set-aside folders by the system's UTC clock. */
  public static RestoreService create() {
    return new RestoreService(Clock.systemUTC());
  }

  /** A restore service naming set-aside folders by {@code clock}. */
  public static RestoreService create(Clock clock) {
    return new RestoreService(Objects.requireNonNull(clock, "clock"));
  }

  /** Restores {@code backupDir} into the {@linkplain DataLayout#standard standard layout} of {@code dataDir}. */
  public Result restore(Path backupDir, Path dataDir) throws IOException {
    return restore(backupDir, DataLayout.standard(dataDir));
  }

  /**
   * Restores {@code backupDir} into {@code layout}.
   *
   * @throws DataDirLockedException if a server holds the data folder
   * @throws InvalidBackupException if the backup is incomplete or altered; nothing was moved
   */
  public Result restore(Path backupDir, DataLayout layout) throws IOException {
    Path backup = Objects.requireNonNull(backupDir, "backupDir").toAbsolutePath().normalize();
    Objects.requireNonNull(layout, "layout");
    BackupManifest manifest = verify(backup);
    try (DataDirLock lock = DataDirLock.acquire(layout.dataDir())) {
      String stamp = NAME.format(clock.instant());
      Path staged = Files.createDirectory(layout.dataDir().resolve(".restoring-" + stamp));
      try {
        stage(backup, manifest, staged);
        Path aside = layout.dataDir().resolve("pre-restore-" + stamp);
        setAside(layout, aside);
        try {
          putInPlace(staged, layout);
        } catch (IOException e) {
          throw new IOException("the restore failed after the current data was moved to " + aside
              + "; move its files back to put the data as it was: " + e.getMessage(), e);
        }
        HashedCopy.deleteTree(staged);
        return new Result(manifest, aside);
      } catch (IOException | RuntimeException | Error e) {
        HashedCopy.deleteQuietly(staged, e);
        throw e;
      }
    }
  }

  /**
   * Checks, reading only, that every file the manifest of {@code backupDir} lists is there with
   * its size and SHA-256, and returns the manifest.
   *
   * @throws InvalidBackupException naming the first file at fault
   */
  public BackupManifest verify(Path backupDir) throws IOException {
    Path backup = Objects.requireNonNull(backupDir, "backupDir").toAbsolutePath().normalize();
    BackupManifest manifest = BackupManifest.read(backup);
    checkPaths(backup, manifest);
    for (BackupManifest.FileEntry entry : entries(manifest)) {
      HashedCopy.Digest digest;
      try {
        digest = HashedCopy.digest(entry.in(backup));
      } catch (NoSuchFileException e) {
        throw missing(backup, entry, e);
      }
      check(backup, entry, digest);
    }
    return manifest;
  }

  /** What a restore did: the backup it put in place and where the data it replaced went. */
  public record Result(BackupManifest manifest, Path setAside) {}

  /** Copies every file of the manifest into {@code staged}, checking each copy against it again. */
  private static void stage(Path backup, BackupManifest manifest, Path staged) throws IOException {
    for (BackupManifest.FileEntry entry : entries(manifest)) {
      HashedCopy.Digest digest;
      try {
        digest = HashedCopy.copy(entry.in(backup), entry.in(staged));
      } catch (NoSuchFileException e) {
        throw missing(backup, entry, e);
      }
      check(backup, entry, digest);
    }
  }

  private static List<BackupManifest.FileEntry> entries(BackupManifest manifest) {
    List<BackupManifest.FileEntry> all = new ArrayList<>();
    all.add(manifest.database());
    all.addAll(manifest.files());
    return all;
  }

  /** Only the database and blob files may be restored: nothing lands elsewhere in the data folder. */
  private static void checkPaths(Path backup, BackupManifest manifest) throws InvalidBackupException {
    if (!manifest.database().path().equals(DataLayout.DATABASE_NAME)) {
      throw new InvalidBackupException("the manifest of " + backup + " names the database "
          + manifest.database().path() + ", not " + DataLayout.DATABASE_NAME);
    }
    for (BackupManifest.FileEntry entry : manifest.files()) {
      if (!entry.path().startsWith("blobs/objects/") && !entry.path().startsWith("blobs/meta/")) {
        throw new InvalidBackupException("the manifest of " + backup + " lists " + entry.path()
            + ", which is not a blob file");
      }
    }
  }

  private static InvalidBackupException missing(Path backup, BackupManifest.FileEntry entry, Exception cause) {
    return new InvalidBackupException("the backup " + backup + " is incomplete: " + entry.path() + " is missing",
        cause);
  }

  private static void check(Path backup, BackupManifest.FileEntry entry, HashedCopy.Digest digest)
      throws InvalidBackupException {
    if (digest.size() != entry.size() || !digest.sha256().equals(entry.sha256())) {
      throw new InvalidBackupException("the backup " + backup + " is damaged: " + entry.path() + " has "
          + digest.size() + " bytes with SHA-256 " + digest.sha256() + ", the manifest says " + entry.size()
          + " bytes with SHA-256 " + entry.sha256());
    }
  }

  private static void putInPlace(Path staged, DataLayout layout) throws IOException {
    Files.createDirectories(layout.database().getParent());
    Files.move(staged.resolve(DataLayout.DATABASE_NAME), layout.database(), StandardCopyOption.ATOMIC_MOVE);
    Files.createDirectories(layout.blobs().getParent());
    Path blobs = staged.resolve("blobs");
    if (Files.isDirectory(blobs)) {
      Files.move(blobs, layout.blobs(), StandardCopyOption.ATOMIC_MOVE);
    } else {
      Files.createDirectories(layout.blobs());
    }
  }

  /** Moves the current database files and blob folder into {@code aside}. */
  private static void setAside(DataLayout layout, Path aside) throws IOException {
    Files.createDirectory(aside);
    for (String suffix : DATABASE_SUFFIXES) {
      Path file = layout.database().resolveSibling(layout.database().getFileName() + suffix);
      if (Files.exists(file)) {
        Files.move(file, aside.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
      }
    }
    if (Files.exists(layout.blobs())) {
      Files.move(layout.blobs(), aside.resolve("blobs"), StandardCopyOption.ATOMIC_MOVE);
    }
  }
}
