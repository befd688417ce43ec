package dev.contentcreator.redis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.RateLimiter.Limit;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisRateLimiterFallbackTest {

  @Test
  void whenRedisIsUnreachableTheLimitStillHoldsInThisProcess() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    try (RedisRateLimiter limiter = RedisRateLimiter.builder()
        .uri(URI.create("redis://127.0.0.1:" + closed + "/0")).build()) {
      Limit limit = new Limit(2, Duration.ofMinutes(1));
      assertTrue(limiter.tryAcquire("ip:1.2.3.4", limit).allowed());
      assertTrue(limiter.isFallingBack());
      assertTrue(limiter.tryAcquire("ip:1.2.3.4", limit).allowed());
      assertFalse(limiter.tryAcquire("ip:1.2.3.4", limit).allowed());
      assertTrue(limiter.tryAcquire("ip:5.6.7.8", limit).allowed());
    }
  }

  @Test
  void aCaCertificateWithoutTlsIsRefusedSoNobodyBelievesPlainTextIsEncrypted() {
    assertThrows(IllegalArgumentException.class,
        () -> RedisConnections.open(URI.create("redis://127.0.0.1:6379/0"), "-----BEGIN CERTIFICATE-----\n", 4));
  }

  @Test
  void somethingThatIsNoCertificateIsRefusedWithTheSettingsName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RedisConnections.trusting("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n"));
    assertTrue(e.getMessage().contains("REDIS_CA_CERT"), e.getMessage());
  }
}
