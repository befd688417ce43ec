package dev.contentcreator.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void aSecretIs43Base64UrlCharactersOf256RandomBits() {
    String s = Secrets.newSecret();
    assertEquals(Secrets.LENGTH, s.length());
    assertTrue(s.matches("[A-Za-z0-9_-]{43}"), s);
    assertTrue(Secrets.isWellFormed(s));
    assertNotEquals(s, Secrets.newSecret());
  }

  @Test
  void onlyTheShapeOfASecretIsWellFormed() {
    assertFalse(Secrets.isWellFormed(null));
    assertFalse(Secrets.isWellFormed("a".repeat(42)));
    assertFalse(Secrets.isWellFormed("a".repeat(44)));
    assertFalse(Secrets.isWellFormed("a".repeat(42) + "="));
    assertFalse(Secrets.isWellFormed("a".repeat(42) + "/"));
  }

  @Test
  void theHashIsTheHexSha256AndMatchesOnlyItsSecret() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Secrets.hash(""));
    String s = Secrets.newSecret();
    String stored = Secrets.hash(s);
    assertTrue(Secrets.matches(s, stored));
    assertFalse(Secrets.matches(Secrets.newSecret(), stored));
    assertFalse(Secrets.matches(s, stored.substring(1)));
    assertFalse(Secrets.matches(null, stored));
    assertFalse(Secrets.matches(s, null));
  }
}
