package dev.contentcreator.core.shares;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The link's secret, its password hash and its permission ladder. */
class ShareSecretsTest {
  @Test
  void aTokenIs32RandomBytesInBase64Url() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String t = ShareTokens.newToken();
      assertEquals(43, t.length());
      assertTrue(t.matches("[A-Za-z0-9_-]{43}"), t);
      assertTrue(ShareTokens.isWellFormed(t));
      assertTrue(seen.add(t), "no token twice");
    }
  }

  @Test
  void onlyTheTokensShapeIsWellFormed() {
    assertFalse(ShareTokens.isWellFormed(null));
    assertFalse(ShareTokens.isWellFormed(""));
    assertFalse(ShareTokens.isWellFormed("A".repeat(42)));
    assertFalse(ShareTokens.isWellFormed("A".repeat(44)));
    assertFalse(ShareTokens.isWellFormed("A".repeat(42) + "="));
    assertFalse(ShareTokens.isWellFormed("A".repeat(42) + "/"));
    assertFalse(ShareTokens.isWellFormed("A".repeat(42) + "é"));
  }

  @Test
  void theStoredFormIsTheSha256InHex() {
    // SHA-256 of "abc", the FIPS 180-2 example.
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ShareTokens.hash("abc"));
    String t = ShareTokens.newToken();
    assertTrue(ShareTokens.isShareId(ShareTokens.hash(t)));
    assertFalse(ShareTokens.hash(t).contains(t));
    assertFalse(ShareTokens.isShareId("A".repeat(64)));
  }

  @Test
  void aPasswordIsKeptAsSaltedPbkdf2AndChecked() {
    String stored = SharePasswords.hash("open sesame");
    String[] parts = stored.split("\\$");
    assertEquals("pbkdf2-sha256", parts[0]);
    assertTrue(Integer.parseInt(parts[1]) >= 210_000);
    assertFalse(stored.contains("open sesame"));
    assertTrue(SharePasswords.matches("open sesame", stored));
    assertFalse(SharePasswords.matches("open sesame!", stored));
    assertFalse(SharePasswords.matches("", stored));
    assertFalse(SharePasswords.matches(null, stored));
    assertNotEquals(stored, SharePasswords.hash("open sesame"), "a salt per share");
  }

  @Test
  void aHashMadeWithAnotherCountStillChecks() {
    byte[] salt = new byte[16];
    String stored = SharePasswords.encode(1000, salt, new byte[32]);
    assertFalse(SharePasswords.matches("x", stored));
  }

  @Test
  void approveImpliesCommentImpliesView() {
    assertTrue(SharePermission.APPROVE.allows(SharePermission.COMMENT));
    assertTrue(SharePermission.APPROVE.allows(SharePermission.VIEW));
    assertTrue(SharePermission.COMMENT.allows(SharePermission.VIEW));
    assertFalse(SharePermission.COMMENT.allows(SharePermission.APPROVE));
    assertFalse(SharePermission.VIEW.allows(SharePermission.COMMENT));
    assertEquals(SharePermission.APPROVE, SharePermission.parse("approve").orElseThrow());
    assertTrue(SharePermission.parse("APPROVE").isEmpty());
  }

  @Test
  void aLinkIsLiveUntilItExpiresOrIsRevoked() {
    Instant t0 = Instant.parse("2030-01-01T00:00:00Z");
    Share s = new Share("id", "p", "c", List.of("c"), SharePermission.VIEW, "", null, "a2V5", "u", "U", t0,
        t0.plusSeconds(60), null, null, 0, null, 1);
    assertTrue(s.isLive(t0.plusSeconds(59)));
    assertFalse(s.isLive(t0.plusSeconds(60)), "the expiry is the first moment it is closed");
    assertFalse(s.revoked("u", t0).isLive(t0));
    assertEquals(3, s.viewed(3, t0).views());
    assertEquals(t0.plusSeconds(5), s.viewed(1, t0.plusSeconds(5)).viewed(2, t0).lastViewedAt(), "the latest view stays the last");
    assertEquals("expired", ShareView.of(s, t0.plusSeconds(61)).status());
    assertEquals("revoked", ShareView.of(s.revoked("u", t0), t0).status());
    assertEquals("active", ShareView.of(s, t0).status());
  }
}
