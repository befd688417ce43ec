package dev.contentcreator.core.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signing against fixed vectors worked out outside this code (Python's hmac module; the first is
 * also the vector of the Standard Webhooks reference libraries' tests).
 */
class WebhookSignaturesTest {
  @Test
  void signsTheReferenceVectorOfTheSpecification() {
    String sig = WebhookSignatures.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
        1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
    assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", sig);
  }

  @Test
  void signsAVectorWithAThirtyTwoByteKey() {
    String secret = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    assertEquals("v1,UMdgcVR15p/bDoHEVmwWHt+4sgwPZqNEKuexA+9oCv4=", WebhookSignatures.sign(secret, "msg_abc",
        1700000000L, "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void duringARotationTheHeaderCarriesOneSignaturePerSecretSpaceSeparated() {
    String a = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    String b = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    String header = WebhookSignatures.header(List.of(b, a), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body);
    String[] parts = header.split(" ");
    assertEquals(2, parts.length);
    assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", parts[1]);
    assertEquals(WebhookSignatures.sign(b, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body), parts[0]);
  }

  @Test
  void aNewSecretIsWhsecAndThirtyTwoRandomBytes() {
    String s = WebhookSignatures.newSecret();
    assertTrue(s.startsWith("whsec_"), s);
    assertEquals(32, Base64.getDecoder().decode(s.substring(6)).length);
    assertNotEquals(s, WebhookSignatures.newSecret());
  }

  @Test
  void aSecretWithoutItsPrefixIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> WebhookSignatures.key("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
  }

  @Test
  void theWaitBetweenTriesDoublesUpToItsCap() {
    HookSettings s = new HookSettings(8, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(10),
        Duration.ofHours(24), 20, false);
    assertEquals(Duration.ofSeconds(5), s.backoff(1));
    assertEquals(Duration.ofSeconds(10), s.backoff(2));
    assertEquals(Duration.ofSeconds(20), s.backoff(3));
    assertEquals(Duration.ofSeconds(30), s.backoff(4));
    assertEquals(Duration.ofSeconds(30), s.backoff(40));
  }
}
