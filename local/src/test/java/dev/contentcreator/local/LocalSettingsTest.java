package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalSettingsTest {

  @Test
  void withTheEmulatorOnlyLoopbackMayBeListenedOn() {
    for (String host : new String[] {"0.0.0.0", "192.0.2.2", "::", "my-laptop.local"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> LocalSettings.from(Config.of(Map.of("HOST", host))), host);
      assertTrue(e.getMessage().contains("AUTH_EMULATOR=off"), e.getMessage());
    }
    for (String host : new String[] {"127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"}) {
      assertDoesNotThrow(() -> LocalSettings.from(Config.of(Map.of("HOST", host))), host);
    }
  }

  @Test
  void theEmulatorItselfMustBeOnLoopback() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LocalSettings.from(Config.of(Map.of("FIREBASE_AUTH_EMULATOR_HOST", "0.0.0.0:9099"))));
    assertTrue(e.getMessage().contains("not a loopback address"), e.getMessage());
  }

  @Test
  void withRealAuthAnyAddressMayBeListenedOnButNoEmulatorMayLinger() {
    assertDoesNotThrow(() -> LocalSettings.from(Config.of(Map.of("HOST", "0.0.0.0", "AUTH_EMULATOR", "off"))));
    assertThrows(IllegalArgumentException.class, () -> LocalSettings.from(Config.of(Map.of("HOST", "0.0.0.0",
        "AUTH_EMULATOR", "off", "FIREBASE_AUTH_EMULATOR_HOST", "127.0.0.1:9099"))));
  }

  @Test
  void theEmulatorsPathsAreServedToThisMachineOnly() throws Exception {
    assertTrue(LocalServer.mayReachEmulator(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 5000)));
    assertTrue(LocalServer.mayReachEmulator(new InetSocketAddress(InetAddress.getByName("::1"), 5000)));
    assertFalse(LocalServer.mayReachEmulator(new InetSocketAddress(InetAddress.getByName("192.0.2.2"), 5000)));
    assertFalse(LocalServer.mayReachEmulator(new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 5000)));
    assertFalse(LocalServer.mayReachEmulator(null));
  }
}
