package dev.contentcreator.embedded.backup;

import dev.contentcreator.embedded.blobs.FolderBlobStore;
import dev.contentcreator.embedded.sqlite.SqliteStoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;

/**
 * Takes online backups of one machine's data into {@code <dataDir>/backups/<UTC time>/}: a copy of
 * the SQLite file (documents and the queue's tables), the blob folder's {@code objects/} and
 * {@code meta/}, and a {@code manifest.json} with every file's size and SHA-256. A backup is
 * written to a hidden folder and renamed into place when complete, so a folder with a backup's
 * name is always a whole backup. Only the newest {@code keep} backups are kept.
 *
 * <p>Why a backup taken while writes go on is consistent: the database copy is one
 * {@code VACUUM INTO}, a single read transaction, so it is a snapshot of one moment T. A blob is
 * written (and moved into place) before the document that references it commits, so every blob
 * the snapshot references existed at T; copying the blob folder after the snapshot therefore finds
 * it, unless it was deleted after T. Blobs are deleted only after the documents that referenced
 * them, which may happen after T, so when the server's own {@link FolderBlobStore} is given its
 * deletes are held from before the snapshot until the copy ends. Without it (another process
 * backing up), the server must be stopped. Blobs written after T are copied too; they are harmless
 * extras nothing in the snapshot references. Thread-safe; one backup runs at a time.
 */
public final class BackupService {
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern BACKUP_NAME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{3}Z");
  private static final String PARTIAL_PREFIX = ".partial-";
  private static final List<String> BLOB_FOLDERS = List.of("objects", "meta");

  private final DataLayout layout;
  private final int keep;
  private final Clock clock;
  private final FolderBlobStore liveBlobs;

  private BackupService(Builder builder) {
    this.layout = builder.layout;
    this.keep = builder.keep;
    this.clock = builder.clock;
    this.liveBlobs = builder.liveBlobs;
  }

  public static Builder builder(DataLayout layout) {
    return new Builder(layout);
  }

  /** The data this service backs up. */
  public DataLayout layout() {
    return layout;
  }

  /**
   * Takes a backup now, then deletes all but the newest {@code keep} backups. Returns the new
   * backup's folder.
   */
  public synchronized Path backup() throws IOException {
    if (!Files.isRegularFile(layout.database())) {
      throw new NoSuchFileException(layout.database().toString(), null, "there is no database to back up");
    }
    Path backups = Files.createDirectories(layout.backups());
    Instant now = clock.instant();
    String name = NAME.format(now);
    Path target = backups.resolve(name);
    if (Files.exists(target)) {
      throw new IOException("a backup named " + name + " already exists in " + backups);
    }
    Path partial = Files.createDirectory(backups.resolve(PARTIAL_PREFIX + name));
    try {
      BackupManifest manifest;
      if (liveBlobs != null) {
        try (FolderBlobStore.DeleteHold hold = liveBlobs.holdDeletes()) {
          manifest = write(partial, now);
        }
      } else {
        manifest = write(partial, now);
      }
      HashedCopy.writeSynced(partial.resolve(BackupManifest.FILE_NAME),
          manifest.toJson().getBytes(StandardCharsets.UTF_8));
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot rename the finished backup into place in " + backups, e);
      }
    } catch (IOException | RuntimeException | Error e) {
      HashedCopy.deleteQuietly(partial, e);
      throw e;
    }
    prune();
    return target;
  }

  /** The complete backups in {@code <dataDir>/backups}, newest first. */
  public List<Path> backups() throws IOException {
    Path folder = layout.backups();
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(folder)) {
      return children
          .filter(p -> BACKUP_NAME.matcher(p.getFileName().toString()).matches())
          .filter(p -> Files.isRegularFile(p.resolve(BackupManifest.FILE_NAME)))
          .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
          .toList();
    }
  }

  /** Deletes every backup but the newest {@code keep}; returns the folders deleted. */
  public synchronized List<Path> prune() throws IOException {
    List<Path> all = backups();
    List<Path> deleted = new ArrayList<>();
    for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
      HashedCopy.deleteTree(old);
      deleted.add(old);
    }
    return deleted;
  }

  private BackupManifest write(Path partial, Instant now) throws IOException {
    Path database = partial.resolve(DataLayout.DATABASE_NAME);
    snapshotDatabase(layout.database(), database);
    HashedCopy.Digest db = HashedCopy.digest(database);
    List<BackupManifest.FileEntry> files = new ArrayList<>();
    for (String folder : BLOB_FOLDERS) {
      copyBlobFolder(layout.blobs().resolve(folder), partial.resolve("blobs").resolve(folder),
          "blobs/" + folder, files);
    }
    files.sort(Comparator.comparing(BackupManifest.FileEntry::path));
    return new BackupManifest(now, new BackupManifest.FileEntry(DataLayout.DATABASE_NAME, db.size(), db.sha256()),
        files);
  }

  /** One read transaction copies the whole file: documents and queue tables of the same moment. */
  private static void snapshotDatabase(Path source, Path target) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(30_000);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + source, config.toProperties())) {
      try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
        vacuum.setString(1, target.toString());
        vacuum.execute();
      }
    } catch (SQLException e) {
      throw new SqliteStoreException("could not copy the database " + source + " to " + target + ": "
          + e.getMessage(), e);
    }
    try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + target);
        Statement statement = copy.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA quick_check")) {
      String verdict = result.next() ? result.getString(1) : "no answer";
      if (!"ok".equals(verdict)) {
        throw new SqliteStoreException("the copy of " + source + " failed its check: " + verdict);
      }
    } catch (SQLException e) {
      throw new SqliteStoreException("could not check the copy " + target + ": " + e.getMessage(), e);
    }
  }

  /** Copies every file under {@code from}; a file deleted while the copy runs is skipped. */
  private static void copyBlobFolder(Path from, Path to, String prefix, List<BackupManifest.FileEntry> files)
      throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        if (!attributes.isRegularFile()) {
          return FileVisitResult.CONTINUE;
        }
        Path relative = from.relativize(file);
        Path target = to.resolve(relative.toString());
        try {
          HashedCopy.Digest digest = HashedCopy.copy(file, target);
          files.add(new BackupManifest.FileEntry(prefix + "/" + slashes(relative), digest.size(), digest.sha256()));
        } catch (NoSuchFileException e) {
          Files.deleteIfExists(target);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw e;
      }
    });
  }

  private static String slashes(Path relative) {
    List<String> segments = new ArrayList<>();
    relative.forEach(p -> segments.add(p.toString()));
    return String.join("/", segments);
  }

  /** Settings of a {@link BackupService}; each setter checks its argument. */
  public static final class Builder {
    private final DataLayout layout;
    private int keep = 7;
    private Clock clock = Clock.systemUTC();
    private FolderBlobStore liveBlobs;

    private Builder(DataLayout layout) {
      this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** How many backups to keep, the newest; at least 1, default 7. */
    public Builder keep(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("keep must be at least 1, got: " + count);
      }
      this.keep = count;
      return this;
    }

    /** The clock that names backups and dates manifests; default the system's UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The running server's blob store on {@link DataLayout#blobs()}: its deletes are held while a
     * backup runs, which makes a backup consistent while the server keeps deleting.
     */
    public Builder liveBlobs(FolderBlobStore store) {
      Objects.requireNonNull(store, "store");
      if (!store.root().equals(layout.blobs())) {
        throw new IllegalArgumentException("the blob store's folder " + store.root()
            + " is not the layout's blob folder " + layout.blobs());
      }
      this.liveBlobs = store;
      return this;
    }

    public BackupService build() {
      return new BackupService(this);
    }
  }
}
