package dev.contentcreator.core.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthEmulatorGuardTest {

  @Test
  void aFunctionConfiguredForTheAuthEmulatorWithARealProjectRefusesToStart() {
    Config config = Config.of(Map.of("FIREBASE_AUTH_EMULATOR_HOST", "127.0.0.1:9099",
        "GOOGLE_CLOUD_PROJECT", "acme-prod"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Platform.create(config, Clock.systemUTC()));
    assertTrue(e.getMessage().contains("'acme-prod' is not a demo- project"), e.getMessage());
    assertTrue(e.getMessage().contains("Unset FIREBASE_AUTH_EMULATOR_HOST"), e.getMessage());
  }

  @Test
  void theFirebaseProjectIdIsTheOneChecked() {
    assertThrows(IllegalStateException.class, () -> AuthEmulatorGuard.check(Config.of(Map.of(
        "FIREBASE_AUTH_EMULATOR_HOST", "127.0.0.1:9099", "FIREBASE_PROJECT_ID", "acme-prod",
        "GOOGLE_CLOUD_PROJECT", "demo-x"))));
  }

  @Test
  void aDemoProjectOrNoEmulatorIsFine() {
    assertDoesNotThrow(() -> AuthEmulatorGuard.check(Config.of(Map.of(
        "FIREBASE_AUTH_EMULATOR_HOST", "127.0.0.1:9099", "FIREBASE_PROJECT_ID", "demo-contentcreator"))));
    assertDoesNotThrow(() -> AuthEmulatorGuard.check(Config.of(Map.of("FIREBASE_AUTH_EMULATOR_HOST", "127.0.0.1:9099"))));
    assertDoesNotThrow(() -> AuthEmulatorGuard.check(Config.of(Map.of("GOOGLE_CLOUD_PROJECT", "acme-prod"))));
  }
}
