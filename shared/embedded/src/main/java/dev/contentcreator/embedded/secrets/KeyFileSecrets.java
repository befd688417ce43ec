package dev.contentcreator.embedded.secrets;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.ports.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets in one file, {@code secrets.json}, each value sealed with AES-256-GCM (a fresh 96-bit
 * nonce per value, the secret's name as associated data, so a value moved under another name does
 * not open). The key is {@code secrets.key} beside it: 32 random bytes made on first start, in a
 * file only its owner may read or write. Without the key the file cannot be read: back them up
 * apart. Writes replace the file atomically. Thread-safe within one process.
 */
public final class KeyFileSecrets implements Secrets {
  static final String FILE = "secrets.json";
  static final String KEY_FILE = "secrets.key";
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final Path dir;
  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  private KeyFileSecrets(Path dir, byte[] key) {
    this.dir = dir;
    this.key = new SecretKeySpec(key, "AES");
  }

  /** The secrets of this folder, making it and its key on first use. */
  public static KeyFileSecrets open(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Files.createDirectories(dir);
    return new KeyFileSecrets(dir, key(dir.resolve(KEY_FILE)));
  }

  private static byte[] key(Path file) throws IOException {
    if (!Files.exists(file)) {
      byte[] fresh = new byte[KEY_BYTES];
      new SecureRandom().nextBytes(fresh);
      try {
        createOwnerOnly(file);
        Files.write(file, fresh);
        return fresh;
      } catch (FileAlreadyExistsException raced) {
        // Another start made it first: read theirs.
      }
    }
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length != KEY_BYTES) {
      throw new IOException("the secrets key " + file + " is not " + KEY_BYTES + " bytes long: it is damaged");
    }
    return bytes;
  }

  /** Creates an empty file readable and writable by its owner only, before anything is written to it. */
  private static void createOwnerOnly(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } else {
      Files.createFile(file);
      file.toFile().setReadable(false, false);
      file.toFile().setWritable(false, false);
      file.toFile().setReadable(true, true);
      file.toFile().setWritable(true, true);
    }
  }

  @Override
  public synchronized void put(String name, String value) throws IOException {
    Secrets.checkName(name);
    Objects.requireNonNull(value, "value");
    JsonObject all = read();
    all.addProperty(name, seal(name, value));
    write(all);
  }

  @Override
  public synchronized Optional<String> get(String name) throws IOException {
    Secrets.checkName(name);
    JsonObject all = read();
    return all.has(name) ? Optional.of(open(name, all.get(name).getAsString())) : Optional.empty();
  }

  @Override
  public synchronized void delete(String name) throws IOException {
    Secrets.checkName(name);
    JsonObject all = read();
    if (all.remove(name) != null) {
      write(all);
    }
  }

  private JsonObject read() throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return new JsonObject();
    }
    try {
      return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IOException("the secrets file " + file + " cannot be read: it is damaged", e);
    }
  }

  private void write(JsonObject all) throws IOException {
    Path temp = dir.resolve(FILE + ".tmp");
    Files.deleteIfExists(temp);
    createOwnerOnly(temp);
    Files.writeString(temp, all.toString());
    Files.move(temp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private String seal(String name, String value) throws IOException {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IOException("sealing a secret failed", e);
    }
  }

  private String open(String name, String stored) throws IOException {
    try {
      byte[] bytes = Base64.getDecoder().decode(stored);
      if (bytes.length <= NONCE_BYTES) {
        throw new IOException("the secret " + name + " is damaged");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException("the secret " + name + " cannot be opened with this key (another key, or damaged)", e);
    }
  }
}
