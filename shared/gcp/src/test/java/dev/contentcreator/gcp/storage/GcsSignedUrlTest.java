package dev.contentcreator.gcp.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.storage.StorageOptions;
import dev.contentcreator.core.ports.BlobStore.SignedUrl;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V4 signed addresses, made with a service account whose RSA key the test generates: signing is
 * local, so nothing is sent anywhere. Each signature is checked as Cloud Storage would check it, by
 * rebuilding the canonical request from the address and the headers the client is told to send.
 */
final class GcsSignedUrlTest {
  private static final String ACCOUNT = "media-signer@cc-test.iam.gserviceaccount.com";
  private static KeyPair keys;
  private static GcsBlobStore store;

  @BeforeAll
  static void makeSigner() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    ServiceAccountCredentials credentials = ServiceAccountCredentials.newBuilder()
        .setClientEmail(ACCOUNT).setClientId("1234").setPrivateKey(keys.getPrivate()).setPrivateKeyId("test-key")
        .setProjectId("cc-test").build();
    store = GcsBlobStore.create(StorageOptions.newBuilder().setProjectId("cc-test").setCredentials(credentials)
        .build().getService(), "cc-media");
  }

  @Test
  void uploadIsASignedPutForTheKeyWithItsHeaders() {
    SignedUrl signed = store.signedUpload("projects/p1/uploads/u1", "image/png", 5_000_000, Duration.ofMinutes(15))
        .orElseThrow();

    assertEquals("PUT", signed.method());
    assertTrue(signed.url().getRawPath().endsWith("/cc-media/projects/p1/uploads/u1"), signed.url().toString());
    assertEquals(Map.of("Content-Type", "image/png", "x-goog-content-length-range", "0,5000000"), signed.headers());
    Map<String, String> query = query(signed.url());
    assertEquals("GOOG4-RSA-SHA256", query.get("X-Goog-Algorithm"));
    assertTrue(query.get("X-Goog-Credential").startsWith(ACCOUNT + "/"), query.get("X-Goog-Credential"));
    assertEquals("content-type;host;x-goog-content-length-range", query.get("X-Goog-SignedHeaders"));
  }

  @Test
  void uploadLastsTheTtlFromWhenItWasSigned() {
    Instant before = Instant.now().minusSeconds(1);
    SignedUrl signed = store.signedUpload("a/b.png", "image/png", 10, Duration.ofMinutes(15)).orElseThrow();
    Instant after = Instant.now().plusSeconds(1);

    Map<String, String> query = query(signed.url());
    assertEquals("900", query.get("X-Goog-Expires"));
    Instant signedAt = Instant.from(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
        .parse(query.get("X-Goog-Date")));
    assertEquals(signedAt.plusSeconds(900), signed.expiresAt());
    assertFalse(signed.expiresAt().isBefore(before.plusSeconds(900).minusSeconds(1)));
    assertFalse(signed.expiresAt().isAfter(after.plusSeconds(900)));
  }

  @Test
  void uploadSignatureVerifiesWithTheServiceAccountsPublicKey() throws Exception {
    SignedUrl signed = store.signedUpload("a/photo.jpg", "image/jpeg", 1024, Duration.ofMinutes(5)).orElseThrow();

    assertTrue(verifies(signed, signed.headers(), keys.getPublic()));
  }

  @Test
  void uploadSignatureDoesNotCoverALargerSizeLimit() throws Exception {
    SignedUrl signed = store.signedUpload("a/photo.jpg", "image/jpeg", 1024, Duration.ofMinutes(5)).orElseThrow();

    assertFalse(verifies(signed, Map.of("Content-Type", "image/jpeg", "x-goog-content-length-range", "0,999999"),
        keys.getPublic()));
  }

  @Test
  void uploadSignatureDoesNotCoverAnotherContentType() throws Exception {
    SignedUrl signed = store.signedUpload("a/photo.jpg", "image/jpeg", 1024, Duration.ofMinutes(5)).orElseThrow();

    assertFalse(verifies(signed, Map.of("Content-Type", "text/html", "x-goog-content-length-range", "0,1024"),
        keys.getPublic()));
  }

  @Test
  void signatureDoesNotVerifyWithAnotherKey() throws Exception {
    SignedUrl signed = store.signedUpload("a/photo.jpg", "image/jpeg", 1024, Duration.ofMinutes(5)).orElseThrow();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);

    assertFalse(verifies(signed, signed.headers(), generator.generateKeyPair().getPublic()));
  }

  @Test
  void downloadIsASignedGetThatSignsOnlyTheHost() throws Exception {
    SignedUrl signed = store.signedDownload("projects/p1/media/m1.webp", Duration.ofHours(1)).orElseThrow();

    assertEquals("GET", signed.method());
    assertEquals(Map.of(), signed.headers());
    Map<String, String> query = query(signed.url());
    assertEquals("host", query.get("X-Goog-SignedHeaders"));
    assertEquals("3600", query.get("X-Goog-Expires"));
    assertTrue(verifies(signed, Map.of(), keys.getPublic()));
  }

  @Test
  void signingRefusesBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> store.signedUpload("a/../b", "image/png", 10, Duration.ofMinutes(1)));
    assertThrows(IllegalArgumentException.class, () -> store.signedUpload("a/b", "image/png", 0, Duration.ofMinutes(1)));
    assertThrows(IllegalArgumentException.class, () -> store.signedUpload("a/b", " ", 10, Duration.ofMinutes(1)));
    assertThrows(IllegalArgumentException.class, () -> store.signedDownload("a/b", Duration.ofDays(8)));
    assertThrows(IllegalArgumentException.class, () -> store.signedDownload("a/b", Duration.ZERO));
  }

  /**
   * Checks the signature as Cloud Storage does for V4: the canonical request (method, path,
   * query without the signature, the signed headers as sent, UNSIGNED-PAYLOAD), its SHA-256 in
   * the string to sign, RSA-SHA256 over that.
   */
  private static boolean verifies(SignedUrl signed, Map<String, String> sentHeaders, PublicKey key) throws Exception {
    URI url = signed.url();
    Map<String, String> query = query(url);
    TreeMap<String, String> canonicalHeaders = new TreeMap<>();
    canonicalHeaders.put("host", url.getHost());
    sentHeaders.forEach((name, value) -> canonicalHeaders.put(name.toLowerCase(), value.trim()));
    String signedHeaders = String.join(";", canonicalHeaders.keySet());
    String canonicalQuery = new TreeMap<>(rawQuery(url)).entrySet().stream()
        .filter(e -> !e.getKey().equals("X-Goog-Signature"))
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    String canonicalRequest = String.join("\n", signed.method(), url.getRawPath(), canonicalQuery,
        canonicalHeaders.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + "\n")
            .collect(Collectors.joining()),
        signedHeaders, "UNSIGNED-PAYLOAD");
    String credential = query.get("X-Goog-Credential");
    String scope = credential.substring(credential.indexOf('/') + 1);
    String stringToSign = String.join("\n", "GOOG4-RSA-SHA256", query.get("X-Goog-Date"), scope,
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(key);
    rsa.update(stringToSign.getBytes(StandardCharsets.UTF_8));
    return rsa.verify(HexFormat.of().parseHex(query.get("X-Goog-Signature")));
  }

  private static Map<String, String> rawQuery(URI url) {
    Map<String, String> raw = new TreeMap<>();
    for (String pair : url.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      raw.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return raw;
  }

  private static Map<String, String> query(URI url) {
    Map<String, String> decoded = new TreeMap<>();
    rawQuery(url).forEach((k, v) -> decoded.put(URLDecoder.decode(k, StandardCharsets.UTF_8),
        URLDecoder.decode(v, StandardCharsets.UTF_8)));
    return decoded;
  }
}
