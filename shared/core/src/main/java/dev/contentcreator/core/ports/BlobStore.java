package dev.contentcreator.core.ports;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The blobs port: bytes under slash-separated keys ({@code projects/p1/media/m1.png}).
 * Adapters: Cloud Storage in production, a folder on one machine.
 */
public interface BlobStore {

  /** Stores the stream under {@code key}, replacing what was there; returns what was stored. */
  BlobInfo put(String key, InputStream content, String contentType) throws IOException;

  /** The blob's metadata, if it exists. */
  Optional<BlobInfo> stat(String key) throws IOException;

  /** Opens the blob for reading, if it exists; the caller closes the stream. */
  Optional<InputStream> open(String key) throws IOException;

  /** Deletes the blob; returns whether it existed. */
  boolean delete(String key) throws IOException;

  /** The keys that start with {@code prefix}, in key order. */
  List<String> list(String prefix) throws IOException;

  /**
   * An address a client may upload this key's bytes to directly (Cloud Storage's signed PUT URL),
   * valid for {@code ttl} and for at most {@code maxBytes}; empty where the store has none (the
   * folder), and then uploads go through the API.
   */
  default Optional<SignedUrl> signedUpload(String key, String contentType, long maxBytes, java.time.Duration ttl) {
    return Optional.empty();
  }

  /** A short-lived address to read this key directly; empty where the store has none. */
  default Optional<SignedUrl> signedDownload(String key, java.time.Duration ttl) {
    return Optional.empty();
  }

  /** What is known of a stored blob. */
  record BlobInfo(String key, long size, String contentType, String sha256) {}

  /** A signed address: the method to use, the headers to send with it, and when it stops working. */
  record SignedUrl(String method, java.net.URI url, java.util.Map<String, String> headers, java.time.Instant expiresAt) {
    public SignedUrl {
      headers = java.util.Map.copyOf(headers);
    }
  }
}
