package dev.contentcreator.embedded.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.contentcreator.core.ports.Secrets;
import dev.contentcreator.testkit.SecretsContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileSecretsTest extends SecretsContract {
  @TempDir Path dir;

  @Override
  protected Secrets secrets() throws IOException {
    return KeyFileSecrets.open(dir.resolve("secrets"));
  }

  @Test
  void theKeyIsMadeOnFirstStartReadableByItsOwnerOnly() throws Exception {
    secrets();
    Path key = dir.resolve("secrets").resolve(KeyFileSecrets.KEY_FILE);
    assertEquals(32, Files.size(key));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
  }

  @Test
  void theFileHoldsNoValueInTheClear() throws Exception {
    secrets().put("project-p1-anthropic", "sk-ant-api03-VerySecretValue");
    String stored = Files.readString(dir.resolve("secrets").resolve(KeyFileSecrets.FILE));
    assertFalse(stored.contains("VerySecretValue"), stored);
    assertEquals("rw-------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve("secrets").resolve(KeyFileSecrets.FILE))));
  }

  @Test
  void valuesSurviveARestartWithTheSameKey() throws Exception {
    secrets().put("project-p1-gemini", "AIza-kept");
    assertEquals(Optional.of("AIza-kept"), secrets().get("project-p1-gemini"));
  }

  @Test
  void anotherKeyCannotOpenTheValues() throws Exception {
    secrets().put("project-p1-gemini", "AIza-kept");
    Files.write(dir.resolve("secrets").resolve(KeyFileSecrets.KEY_FILE), new byte[32]);
    assertThrows(IOException.class, () -> secrets().get("project-p1-gemini"));
  }

  @Test
  void aValueMovedUnderAnotherNameDoesNotOpen() throws Exception {
    Secrets s = secrets();
    s.put("project-a-gemini", "for a");
    Path file = dir.resolve("secrets").resolve(KeyFileSecrets.FILE);
    Files.writeString(file, Files.readString(file).replace("project-a-gemini", "project-b-gemini"));
    assertThrows(IOException.class, () -> s.get("project-b-gemini"));
  }
}
