package dev.contentcreator.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.domain.Role;
import org.junit.jupiter.api.Test;

class KeyScopeTest {
  @Test
  void theRoleIsTheLowerOfTheKeysAndTheMembers() {
    KeyScope editor = new KeyScope("k", null, Role.EDITOR);
    assertEquals(Role.EDITOR, editor.cap(Role.OWNER));
    assertEquals(Role.EDITOR, editor.cap(Role.EDITOR));
    assertEquals(Role.VIEWER, editor.cap(Role.VIEWER));
  }

  @Test
  void aKeyForOneProjectReachesThatOneOnly() {
    KeyScope one = new KeyScope("k", "a", Role.OWNER);
    assertTrue(one.reaches("a"));
    assertFalse(one.reaches("b"));
    assertTrue(new KeyScope("k", null, Role.VIEWER).reaches("b"));
  }

  @Test
  void enteringRestoresTheOneBefore() {
    KeyScope outer = new KeyScope("outer", null, Role.VIEWER);
    KeyScope inner = new KeyScope("inner", null, Role.OWNER);
    try (KeyScope.Scope a = KeyScope.enter(outer)) {
      try (KeyScope.Scope b = KeyScope.enter(inner)) {
        assertSame(inner, KeyScope.current());
      }
      assertSame(outer, KeyScope.current());
    }
    assertNull(KeyScope.current());
  }

  @Test
  void keyShapedTextIsRedactedFromLoggedPaths() {
    String key = ApiKeyCheck.PREFIX + "AAAAAAAAAAAAAAAAAAAA_abc-def_ghi";
    assertEquals("/api/x/" + ApiKeyCheck.PREFIX + "<redacted>/y", SecretPaths.redact("/api/x/" + key + "/y"));
    assertEquals("/api/x", SecretPaths.redact("/api/x"));
  }
}
