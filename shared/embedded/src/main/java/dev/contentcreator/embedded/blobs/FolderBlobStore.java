package dev.contentcreator.embedded.blobs;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.ports.BlobKeys;
import dev.contentcreator.core.ports.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The blobs port on a folder. A blob's bytes live at {@code objects/<key>} and its content type,
 * size and SHA-256 in {@code meta/<key>.json}; both are written to {@code staging/} first, flushed
 * to disk and then moved into place atomically, so a reader never sees half a blob. Keys are
 * checked before any path is made from them, so nothing is written outside the folder. Safe for
 * use by many threads of one process.
 *
 * <p>A backup copying the folder may {@linkplain #holdDeletes() hold deletes} while it runs: a
 * deleted key then stays readable until the last hold ends, so a blob whose document was in the
 * backup's database snapshot cannot vanish before it is copied.
 */
public final class FolderBlobStore implements BlobStore {
  private static final String DEFAULT_TYPE = "application/octet-stream";
  private static final int STRIPES = 64;

  private final Path root;
  private final Path objects;
  private final Path meta;
  private final Path staging;
  private final Object[] locks = new Object[STRIPES];
  private final Object holdLock = new Object();
  private final Set<String> deferred = new LinkedHashSet<>();
  private int holds;

  private FolderBlobStore(Path root) throws IOException {
    this.root = root;
    this.objects = Files.createDirectories(root.resolve("objects"));
    this.meta = Files.createDirectories(root.resolve("meta"));
    this.staging = Files.createDirectories(root.resolve("staging"));
    Arrays.setAll(locks, i -> new Object());
  }

  /** Opens the store in {@code root}, creating the folder if needed. */
  public static FolderBlobStore open(Path root) {
    Path folder = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    try {
      return new FolderBlobStore(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the blob folder " + folder, e);
    }
  }

  /** The folder the store keeps its files in. */
  public Path root() {
    return root;
  }

  @Override
  public BlobInfo put(String key, InputStream content, String contentType) throws IOException {
    BlobKeys.requireKey(key);
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(contentType, "contentType");
    Path data = Files.createTempFile(staging, "blob-", ".part");
    Path sidecar = null;
    try {
      BlobInfo info = copy(key, content, contentType, data);
      sidecar = Files.createTempFile(staging, "meta-", ".part");
      writeSynced(sidecar, toJson(info).getBytes(StandardCharsets.UTF_8));
      synchronized (lockFor(key)) {
        moveIntoPlace(key, data, objectPath(key));
        moveIntoPlace(key, sidecar, metaPath(key));
        synchronized (holdLock) {
          deferred.remove(key);
        }
      }
      return info;
    } finally {
      Files.deleteIfExists(data);
      if (sidecar != null) {
        Files.deleteIfExists(sidecar);
      }
    }
  }

  @Override
  public Optional<BlobInfo> stat(String key) throws IOException {
    BlobKeys.requireKey(key);
    synchronized (lockFor(key)) {
      Path object = objectPath(key);
      if (!Files.isRegularFile(object)) {
        return Optional.empty();
      }
      Path sidecar = metaPath(key);
      if (Files.isRegularFile(sidecar)) {
        return Optional.of(fromJson(key, Files.readString(sidecar, StandardCharsets.UTF_8)));
      }
      return Optional.of(describe(key, object));
    }
  }

  @Override
  public Optional<InputStream> open(String key) throws IOException {
    BlobKeys.requireKey(key);
    Path object = objectPath(key);
    if (!Files.isRegularFile(object)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.newInputStream(object));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean delete(String key) throws IOException {
    BlobKeys.requireKey(key);
    synchronized (lockFor(key)) {
      synchronized (holdLock) {
        if (holds > 0) {
          boolean present = Files.isRegularFile(objectPath(key)) && !deferred.contains(key);
          deferred.add(key);
          return present;
        }
      }
      return deleteNow(key);
    }
  }

  /**
   * Holds deletes until the returned handle is closed: {@link #delete} then only records the key,
   * and the last hold to end deletes every recorded key not written again meanwhile.
   */
  public DeleteHold holdDeletes() {
    synchronized (holdLock) {
      holds++;
    }
    return new DeleteHold();
  }

  /** Ends a hold; deletes that waited for it happen on the last one. */
  private void release() throws IOException {
    List<String> waiting;
    synchronized (holdLock) {
      holds--;
      if (holds > 0) {
        return;
      }
      waiting = new ArrayList<>(deferred);
    }
    IOException failure = null;
    for (String key : waiting) {
      synchronized (lockFor(key)) {
        synchronized (holdLock) {
          if (holds > 0) {
            break;
          }
          if (!deferred.remove(key)) {
            continue;
          }
        }
        try {
          deleteNow(key);
        } catch (IOException e) {
          if (failure == null) {
            failure = new IOException("deletes held during a backup failed");
          }
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Deletes the object and its sidecar; the caller holds the key's lock. */
  private boolean deleteNow(String key) throws IOException {
    Path object = objectPath(key);
    boolean existed = Files.isRegularFile(object) && Files.deleteIfExists(object);
    Path sidecar = metaPath(key);
    if (Files.isRegularFile(sidecar)) {
      Files.deleteIfExists(sidecar);
    }
    return existed;
  }

  @Override
  public List<String> list(String prefix) throws IOException {
    BlobKeys.requirePrefix(prefix);
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? objects : objects.resolve(prefix.substring(0, slash));
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    Files.walkFileTree(start, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        if (attributes.isRegularFile()) {
          String key = keyOf(file);
          if (key.startsWith(prefix)) {
            keys.add(key);
          }
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
    keys.sort(FolderBlobStore::compareUtf8);
    return keys;
  }

  /** A hold on deletes; closing it (once) lets the held deletes happen. */
  public final class DeleteHold implements AutoCloseable {
    private boolean closed;

    private DeleteHold() {}

    @Override
    public void close() throws IOException {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
      }
      release();
    }
  }

  private BlobInfo copy(String key, InputStream content, String contentType, Path target) throws IOException {
    MessageDigest sha256 = sha256();
    long size = 0;
    byte[] buffer = new byte[64 * 1024];
    try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      for (int n; (n = content.read(buffer)) != -1; ) {
        sha256.update(buffer, 0, n);
        writeFully(out, ByteBuffer.wrap(buffer, 0, n));
        size += n;
      }
      out.force(true);
    }
    return new BlobInfo(key, size, contentType, HexFormat.of().formatHex(sha256.digest()));
  }

  private static BlobInfo describe(String key, Path object) throws IOException {
    MessageDigest sha256 = sha256();
    long size = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(object)) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        sha256.update(buffer, 0, n);
        size += n;
      }
    }
    return new BlobInfo(key, size, DEFAULT_TYPE, HexFormat.of().formatHex(sha256.digest()));
  }

  private static void writeSynced(Path target, byte[] bytes) throws IOException {
    try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      writeFully(out, ByteBuffer.wrap(bytes));
      out.force(true);
    }
  }

  private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
  }

  private static void moveIntoPlace(String key, Path source, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    if (Files.isDirectory(target)) {
      throw new IOException("blob key '" + key + "' is a folder of other keys in this store; a folder store"
          + " cannot hold both 'a' and 'a/b'");
    }
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the blob folder " + target.getParent() + " does not support atomic moves", e);
    }
  }

  private Path objectPath(String key) {
    return inside(objects, objects.resolve(key));
  }

  private Path metaPath(String key) {
    return inside(meta, meta.resolve(key + ".json"));
  }

  /** A second guard behind {@link BlobKeys}: the path must stay inside its folder. */
  private static Path inside(Path folder, Path path) {
    Path normalized = path.normalize();
    if (!normalized.startsWith(folder) || normalized.equals(folder)) {
      throw new IllegalArgumentException("blob key leads outside the store: " + path);
    }
    return normalized;
  }

  private String keyOf(Path file) {
    Path relative = objects.relativize(file);
    StringBuilder key = new StringBuilder();
    for (Path segment : relative) {
      if (key.length() > 0) {
        key.append('/');
      }
      key.append(segment);
    }
    return key.toString();
  }

  private Object lockFor(String key) {
    return locks[Math.floorMod(key.hashCode(), STRIPES)];
  }

  private static String toJson(BlobInfo info) {
    JsonObject json = new JsonObject();
    json.addProperty("contentType", info.contentType());
    json.addProperty("size", info.size());
    json.addProperty("sha256", info.sha256());
    return json.toString();
  }

  private static BlobInfo fromJson(String key, String text) throws IOException {
    try {
      JsonObject json = JsonParser.parseString(text).getAsJsonObject();
      return new BlobInfo(key, json.get("size").getAsLong(), json.get("contentType").getAsString(),
          json.get("sha256").getAsString());
    } catch (RuntimeException e) {
      throw new IOException("the metadata of blob '" + key + "' cannot be read", e);
    }
  }

  private static int compareUtf8(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime has no SHA-256", e);
    }
  }
}
