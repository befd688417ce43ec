package dev.contentcreator.embedded.backup;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@code manifest.json} in a backup folder says: when it was taken, the database file and
 * every blob file (objects and their metadata sidecars), each with its size and SHA-256. Paths are
 * relative to the backup folder, with {@code /} between segments.
 */
public record BackupManifest(Instant createdAt, FileEntry database, List<FileEntry> files) {
  /** The manifest's file name inside a backup folder. */
  public static final String FILE_NAME = "manifest.json";
  static final int FORMAT = 1;

  public BackupManifest {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(database, "database");
    files = List.copyOf(files);
  }

  /** One file of a backup. */
  public record FileEntry(String path, long size, String sha256) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public FileEntry {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(sha256, "sha256");
      if (size < 0) {
        throw new IllegalArgumentException("size must not be negative, got: " + size);
      }
      if (!HEX.matcher(sha256).matches()) {
        throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got: " + sha256);
      }
      if (path.isEmpty() || path.startsWith("/") || path.contains("\\")
          || List.of(path.split("/", -1)).stream().anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
        throw new IllegalArgumentException("not a plain relative path: " + path);
      }
    }

    /** This file inside {@code folder}. */
    Path in(Path folder) {
      Path result = folder;
      for (String segment : path.split("/")) {
        result = result.resolve(segment);
      }
      return result;
    }
  }

  /** Reads the manifest of the backup in {@code folder}. */
  public static BackupManifest read(Path folder) throws InvalidBackupException {
    Path file = folder.resolve(FILE_NAME);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidBackupException(folder + " is not a backup: it has no " + FILE_NAME, e);
    } catch (IOException e) {
      throw new InvalidBackupException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      JsonObject json = JsonParser.parseString(text).getAsJsonObject();
      int format = json.get("format").getAsInt();
      if (format != FORMAT) {
        throw new InvalidBackupException(file + " has format " + format + "; this version reads format " + FORMAT);
      }
      List<FileEntry> files = new ArrayList<>();
      for (JsonElement e : json.getAsJsonArray("files")) {
        files.add(entry(e.getAsJsonObject()));
      }
      return new BackupManifest(Instant.parse(json.get("createdAt").getAsString()),
          entry(json.getAsJsonObject("database")), files);
    } catch (InvalidBackupException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidBackupException(file + " is not a valid manifest: " + e.getMessage(), e);
    }
  }

  /** The manifest as JSON text. */
  String toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("format", FORMAT);
    json.addProperty("createdAt", createdAt.toString());
    json.add("database", json(database));
    JsonArray list = new JsonArray();
    files.forEach(f -> list.add(json(f)));
    json.add("files", list);
    return json.toString();
  }

  private static JsonObject json(FileEntry entry) {
    JsonObject json = new JsonObject();
    json.addProperty("path", entry.path());
    json.addProperty("size", entry.size());
    json.addProperty("sha256", entry.sha256());
    return json;
  }

  private static FileEntry entry(JsonObject json) {
    return new FileEntry(json.get("path").getAsString(), json.get("size").getAsLong(),
        json.get("sha256").getAsString());
  }
}
