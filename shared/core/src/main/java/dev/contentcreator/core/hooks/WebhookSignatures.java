package dev.contentcreator.core.hooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Objects;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing as the Standard Webhooks specification says. A secret is {@code whsec_} followed by the
 * base64 of {@value #SECRET_BYTES} random bytes (the key). A message's signature is
 * {@code v1,} and the base64 of HMAC-SHA256, under the key, of {@code {webhook-id}.{webhook-timestamp}.{body}};
 * the {@code webhook-signature} header holds one such signature per secret in use, separated by a
 * space, so a receiver that knows either the old or the new secret accepts a message during a
 * rotation.
 */
public final class WebhookSignatures {
  public static final String SECRET_PREFIX = "whsec_";
  public static final int SECRET_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignatures() {}

  /** A new secret, {@code whsec_<base64 of 32 random bytes>}. */
  public static String newSecret() {
    byte[] key = new byte[SECRET_BYTES];
    RANDOM.nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The key a secret holds. */
  public static byte[] key(String secret) {
    Objects.requireNonNull(secret, "secret");
    if (!secret.startsWith(SECRET_PREFIX)) {
      throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
    }
    return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
  }

  /** One signature, {@code v1,<base64>}, of the message under one secret. */
  public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(body, "body");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
      mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The {@code webhook-signature} header: a signature under each secret, space-separated. */
  public static String header(Collection<String> secrets, String id, long timestampSeconds, byte[] body) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one secret signs a message");
    }
    StringJoiner out = new StringJoiner(" ");
    secrets.forEach(s -> out.add(sign(s, id, timestampSeconds, body)));
    return out.toString();
  }
}
