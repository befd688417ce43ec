package dev.contentcreator.testkit.oidc;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

/**
 * Plays Google's part in tests of OIDC-checked endpoints: an RSA key made for the test, published
 * as a JSON Web Key Set like Google's, and ID tokens signed with it (RS256), so the verifier runs
 * its real checks without any network.
 */
public final class TestSigner {
  public static final String ISSUER = "https://accounts.google.com";

  private final KeyPair keys;
  private final String keyId;

  private TestSigner(KeyPair keys, String keyId) {
    this.keys = keys;
    this.keyId = keyId;
  }

  /** A signer with a fresh 2048-bit RSA key. */
  public static TestSigner generate(String keyId) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return new TestSigner(g.generateKeyPair(), keyId);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot make an RSA key", e);
    }
  }

  public String keyId() {
    return keyId;
  }

  /** The public key as Google publishes its keys: {@code {"keys": [{kty, alg, use, kid, n, e}]}}. */
  public String jwks() {
    RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
    JsonObject key = new JsonObject();
    key.addProperty("kty", "RSA");
    key.addProperty("alg", "RS256");
    key.addProperty("use", "sig");
    key.addProperty("kid", keyId);
    key.addProperty("n", b64(unsigned(pub.getModulus())));
    key.addProperty("e", b64(unsigned(pub.getPublicExponent())));
    JsonArray list = new JsonArray();
    list.add(key);
    JsonObject set = new JsonObject();
    set.add("keys", list);
    return set.toString();
  }

  /** Claims of a token as Google mints it for a service account; change them before signing. */
  public static JsonObject claims(String audience, String email, Instant issuedAt) {
    JsonObject c = new JsonObject();
    c.addProperty("iss", ISSUER);
    c.addProperty("aud", audience);
    c.addProperty("azp", "1234567890");
    c.addProperty("sub", "1234567890");
    c.addProperty("email", email);
    c.addProperty("email_verified", true);
    c.addProperty("iat", issuedAt.getEpochSecond());
    c.addProperty("exp", issuedAt.plusSeconds(3600).getEpochSecond());
    return c;
  }

  /** A compact JWS of these claims, signed with this signer's key and naming its key id. */
  public String sign(JsonObject claims) {
    JsonObject header = new JsonObject();
    header.addProperty("alg", "RS256");
    header.addProperty("typ", "JWT");
    header.addProperty("kid", keyId);
    String signingInput = b64(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
        + b64(claims.toString().getBytes(StandardCharsets.UTF_8));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(keys.getPrivate());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + b64(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }

  private static byte[] unsigned(BigInteger n) {
    byte[] b = n.toByteArray();
    if (b.length > 1 && b[0] == 0) {
      byte[] trimmed = new byte[b.length - 1];
      System.arraycopy(b, 1, trimmed, 0, trimmed.length);
      return trimmed;
    }
    return b;
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
