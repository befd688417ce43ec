package dev.contentcreator.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The files of the built PWA, served from one folder: never a path outside it, with a strong
 * ETag, and gzip for text when the client accepts it. Files are read once and kept while their
 * size and modification time stay the same.
 */
final class StaticFiles {
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("json", "application/json; charset=utf-8"),
      Map.entry("webmanifest", "application/manifest+json; charset=utf-8"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("webp", "image/webp"),
      Map.entry("gif", "image/gif"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("woff2", "font/woff2"),
      Map.entry("map", "application/json; charset=utf-8"));

  /** A file ready to send: its bytes, gzipped bytes when worth it, type and tag. */
  record Asset(byte[] bytes, byte[] gzipped, String contentType, String etag, long size, long modified) {}

  private final Path root;
  private final Map<Path, Asset> cache = new ConcurrentHashMap<>();

  StaticFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  /** The file at a URL path, if it is a regular file inside the root. */
  Optional<Asset> find(String urlPath) throws IOException {
    if (urlPath.contains("\0") || urlPath.contains("\\")) {
      return Optional.empty();
    }
    String relative = urlPath.startsWith("/") ? urlPath.substring(1) : urlPath;
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return Optional.empty();
      }
    }
    long size = Files.size(file);
    long modified = Files.getLastModifiedTime(file).toMillis();
    Asset cached = cache.get(file);
    if (cached != null && cached.size() == size && cached.modified() == modified) {
      return Optional.of(cached);
    }
    byte[] bytes = Files.readAllBytes(file);
    String type = TYPES.getOrDefault(extension(file), "application/octet-stream");
    byte[] gz = isText(type) && bytes.length > 512 ? gzip(bytes) : null;
    Asset asset = new Asset(bytes, gz, type, "\"" + sha256(bytes).substring(0, 32) + "\"", size, modified);
    cache.put(file, asset);
    return Optional.of(asset);
  }

  private static boolean isText(String type) {
    return type.startsWith("text/") || type.contains("json") || type.contains("svg") || type.contains("javascript");
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
