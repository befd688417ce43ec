package dev.contentcreator.embedded.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** File helpers of backup and restore: copies that hash what they write, and tree deletion. */
final class HashedCopy {
  private HashedCopy() {}

  /** The size and SHA-256 of a file. */
  record Digest(long size, String sha256) {}

  /**
   * Copies {@code source} to the new file {@code target} (its folders made as needed), flushes it
   * to disk and returns the size and SHA-256 of the bytes written.
   */
  static Digest copy(Path source, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    MessageDigest sha256 = sha256();
    long size = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(source);
        FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(channel);
      for (int n; (n = in.read(buffer)) != -1; ) {
        sha256.update(buffer, 0, n);
        out.write(buffer, 0, n);
        size += n;
      }
      channel.force(true);
    }
    return new Digest(size, HexFormat.of().formatHex(sha256.digest()));
  }

  /** The size and SHA-256 of {@code file}. */
  static Digest digest(Path file) throws IOException {
    MessageDigest sha256 = sha256();
    long size = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        sha256.update(buffer, 0, n);
        size += n;
      }
    }
    return new Digest(size, HexFormat.of().formatHex(sha256.digest()));
  }

  /** Writes {@code bytes} to the new file {@code target} and flushes it to disk. */
  static void writeSynced(Path target, byte[] bytes) throws IOException {
    try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(channel);
      out.write(bytes);
      channel.force(true);
    }
  }

  /** Deletes {@code root} and everything in it, if it exists. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null && !(e instanceof NoSuchFileException)) {
          throw e;
        }
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Deletes {@code root} as {@link #deleteTree} does, adding a failure to {@code cause}. */
  static void deleteQuietly(Path root, Throwable cause) {
    try {
      deleteTree(root);
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime has no SHA-256", e);
    }
  }
}
