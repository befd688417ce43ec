package dev.contentcreator.gcp.storage;

import com.google.api.gax.paging.Page;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.HttpMethod;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.Storage.BlobWriteOption;
import com.google.cloud.storage.Storage.SignUrlOption;
import com.google.cloud.storage.StorageException;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.BlobKeys;
import dev.contentcreator.core.ports.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The blobs port on one Cloud Storage bucket, object name = blob key. The SHA-256 the port promises
 * is computed while the bytes stream up and kept in the object's custom metadata under
 * {@value #SHA256_METADATA}, so {@link #stat} answers without reading the object. An object that
 * arrived another way (a signed upload) has no such metadata until something rewrites it, and its
 * {@link BlobInfo#sha256()} is null.
 *
 * <p>Signed addresses are V4 and are signed by the store's credentials: a service account key, or
 * on Cloud Functions the runtime's service account through IAM signBlob (which needs
 * {@code iam.serviceAccounts.signBlob} on itself). Thread-safe, as {@link Storage} is.
 */
public final class GcsBlobStore implements BlobStore, AutoCloseable {
  /** The custom metadata key holding the lower-case hex SHA-256 of the object's bytes. */
  public static final String SHA256_METADATA = "sha256";
  /** The signed extension header that makes Cloud Storage refuse an upload outside a size range. */
  public static final String LENGTH_RANGE_HEADER = "x-goog-content-length-range";
  /** V4 signatures last at most seven days. */
  public static final Duration MAX_SIGNED_TTL = Duration.ofDays(7);

  /** Where {@link #put} stages bytes before they are copied under their key; never a valid key. */
  public static final String STAGING_PREFIX = ".cc-staging//";

  private static final int BUFFER_BYTES = 256 * 1024;
  private static final DateTimeFormatter GOOG_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Storage storage;
  private final String bucket;

  private GcsBlobStore(Storage storage, String bucket) {
    this.storage = storage;
    this.bucket = bucket;
  }

  /** The store on {@code bucket}, through {@code storage} (made by the factory, or a fake in tests). */
  public static GcsBlobStore create(Storage storage, String bucket) {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(bucket, "bucket");
    if (!bucket.matches("[a-z0-9][a-z0-9._-]{1,221}[a-z0-9]")) {
      throw new IllegalArgumentException("not a Cloud Storage bucket name: '" + bucket + "'");
    }
    return new GcsBlobStore(storage, bucket);
  }

  /** The bucket this store writes to. */
  public String bucket() {
    return bucket;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Streams the bytes, hashing them, into a staging object under {@value #STAGING_PREFIX}, then
   * copies that onto {@code key} with its content type and hash (a copy within one bucket and
   * storage class moves no bytes) and deletes the staging object. So the object under {@code key}
   * always carries the hash of its own bytes, and when reading {@code content} fails, the upload is
   * abandoned unfinished and whatever was under {@code key} stays as it was. Staging names are never
   * valid keys (they hold an empty segment), so they never show in {@link #list}; a staging object
   * left by a crash is best removed by a lifecycle rule on that prefix.
   */
  @Override
  public BlobInfo put(String key, InputStream content, String contentType) throws IOException {
    BlobKeys.requireKey(key);
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(contentType, "contentType");
    BlobId staging = BlobId.of(bucket, STAGING_PREFIX + UUID.randomUUID());
    MessageDigest sha256 = sha256();
    long size = 0;
    boolean staged = false;
    try {
      WriteChannel channel = storage.writer(com.google.cloud.storage.BlobInfo.newBuilder(staging)
          .setContentType(contentType).build(), BlobWriteOption.doesNotExist());
      // Closing the channel is what finishes the upload: it happens only once every byte was read.
      byte[] buffer = new byte[BUFFER_BYTES];
      for (int n; (n = content.read(buffer)) != -1; ) {
        sha256.update(buffer, 0, n);
        size += n;
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
        while (chunk.hasRemaining()) {
          channel.write(chunk);
        }
      }
      channel.close();
      staged = true;
      String hex = HexFormat.of().formatHex(sha256.digest());
      storage.copy(Storage.CopyRequest.newBuilder().setSource(staging)
          .setTarget(com.google.cloud.storage.BlobInfo.newBuilder(bucket, key).setContentType(contentType)
              .setMetadata(Map.of(SHA256_METADATA, hex)).build())
          .build()).getResult();
      return new BlobInfo(key, size, contentType, hex);
    } catch (StorageException e) {
      throw failure("store", key, e);
    } finally {
      removeStaging(staging, staged);
    }
  }

  /** Deletes a staging object; one that cannot be deleted now is left to the lifecycle rule. */
  private void removeStaging(BlobId staging, boolean finished) {
    try {
      storage.delete(staging);
    } catch (StorageException e) {
      if (finished) {
        Log.warning("could not delete the staging object gs://" + bucket + "/" + staging.getName()
            + "; a lifecycle rule on " + STAGING_PREFIX + " will", e);
      }
    }
  }

  @Override
  public Optional<BlobInfo> stat(String key) throws IOException {
    BlobKeys.requireKey(key);
    return find(key).map(GcsBlobStore::info);
  }

  @Override
  public Optional<InputStream> open(String key) throws IOException {
    BlobKeys.requireKey(key);
    Optional<Blob> blob = find(key);
    if (blob.isEmpty()) {
      return Optional.empty();
    }
    try {
      // Reading the generation found keeps the bytes consistent with each other if a put replaces it.
      return Optional.of(Channels.newInputStream(storage.reader(blob.get().getBlobId())));
    } catch (StorageException e) {
      throw failure("read", key, e);
    }
  }

  @Override
  public boolean delete(String key) throws IOException {
    BlobKeys.requireKey(key);
    try {
      return storage.delete(BlobId.of(bucket, key));
    } catch (StorageException e) {
      throw failure("delete", key, e);
    }
  }

  @Override
  public List<String> list(String prefix) throws IOException {
    BlobKeys.requirePrefix(prefix);
    List<String> keys = new ArrayList<>();
    try {
      Page<Blob> page = prefix.isEmpty() ? storage.list(bucket) : storage.list(bucket, BlobListOption.prefix(prefix));
      for (Blob blob : page.iterateAll()) {
        if (BlobKeys.isKey(blob.getName())) {
          keys.add(blob.getName());
        }
      }
    } catch (StorageException e) {
      throw failure("list", prefix + "*", e);
    }
    // Cloud Storage lists by UTF-8 bytes; the port promises the order of the keys as strings.
    keys.sort(null);
    return keys;
  }

  /**
   * A V4 signed PUT for this key. The client must send the returned headers as they are: the
   * content type, and {@value #LENGTH_RANGE_HEADER} {@code 0,maxBytes}, which is signed, so Cloud
   * Storage itself refuses a larger body.
   *
   * @throws IllegalArgumentException for a bad key, a {@code maxBytes} below 1, or a ttl that is not
   *     positive or longer than {@link #MAX_SIGNED_TTL}
   * @throws IllegalStateException when the credentials cannot sign
   */
  @Override
  public Optional<SignedUrl> signedUpload(String key, String contentType, long maxBytes, Duration ttl) {
    BlobKeys.requireKey(key);
    Objects.requireNonNull(contentType, "contentType");
    if (contentType.isBlank()) {
      throw new IllegalArgumentException("a signed upload needs a content type");
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1, got: " + maxBytes);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    headers.put(LENGTH_RANGE_HEADER, "0," + maxBytes);
    return Optional.of(sign(key, HttpMethod.PUT, headers, ttl));
  }

  /**
   * A V4 signed GET for this key.
   *
   * @throws IllegalArgumentException for a bad key or a ttl that is not positive or longer than
   *     {@link #MAX_SIGNED_TTL}
   * @throws IllegalStateException when the credentials cannot sign
   */
  @Override
  public Optional<SignedUrl> signedDownload(String key, Duration ttl) {
    BlobKeys.requireKey(key);
    return Optional.of(sign(key, HttpMethod.GET, Map.of(), ttl));
  }

  private SignedUrl sign(String key, HttpMethod method, Map<String, String> headers, Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_SIGNED_TTL) > 0) {
      throw new IllegalArgumentException("a signed address lasts from 1 s to 7 days, got: " + ttl);
    }
    URL url;
    try {
      url = storage.signUrl(com.google.cloud.storage.BlobInfo.newBuilder(bucket, key).build(), ttl.toSeconds(),
          TimeUnit.SECONDS, SignUrlOption.httpMethod(method), SignUrlOption.withV4Signature(),
          SignUrlOption.withExtHeaders(headers));
    } catch (IllegalStateException | StorageException e) {
      throw new IllegalStateException("Cloud Storage could not sign an address for " + key + " with these credentials"
          + " (a service account key, or a service account allowed to signBlob as itself): " + e.getMessage(), e);
    }
    try {
      URI uri = url.toURI();
      return new SignedUrl(method.name(), uri, headers, expiry(uri));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cloud Storage signed an address that is not a URI: " + url, e);
    }
  }

  /** When the V4 signature runs out: its X-Goog-Date plus X-Goog-Expires seconds. */
  static Instant expiry(URI signed) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : Objects.requireNonNullElse(signed.getRawQuery(), "").split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).toLowerCase(),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    try {
      Instant date = Instant.from(GOOG_DATE.parse(query.get("x-goog-date")));
      return date.plusSeconds(Long.parseLong(query.get("x-goog-expires")));
    } catch (NullPointerException | DateTimeParseException | NumberFormatException e) {
      throw new IllegalStateException("the signed address lacks a readable X-Goog-Date or X-Goog-Expires: " + signed,
          e);
    }
  }

  /** Closes the Cloud Storage client. */
  @Override
  public void close() throws Exception {
    storage.close();
  }

  private Optional<Blob> find(String key) throws IOException {
    try {
      return Optional.ofNullable(storage.get(BlobId.of(bucket, key)));
    } catch (StorageException e) {
      throw failure("look up", key, e);
    }
  }

  private static BlobInfo info(Blob blob) {
    Map<String, String> metadata = blob.getMetadata();
    String sha = metadata == null ? null : metadata.get(SHA256_METADATA);
    long size = blob.getSize() == null ? 0 : blob.getSize();
    return new BlobInfo(blob.getName(), size, blob.getContentType(), sha);
  }

  private IOException failure(String what, String key, Throwable cause) {
    return new IOException("Cloud Storage could not " + what + " gs://" + bucket + "/" + key + ": "
        + cause.getMessage(), cause);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
