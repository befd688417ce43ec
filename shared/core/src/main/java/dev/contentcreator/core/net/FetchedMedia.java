package dev.contentcreator.core.net;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;

/** The bytes fetched, their declared type, and the address they finally came from (without query). */
public final class FetchedMedia {
  private final byte[] bytes;
  private final String contentType;
  private final String finalUrl;

  FetchedMedia(byte[] bytes, String contentType, String finalUrl) {
    this.bytes = Objects.requireNonNull(bytes, "bytes");
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.finalUrl = Objects.requireNonNull(finalUrl, "finalUrl");
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The bytes as a stream, without copying them. */
  public InputStream openStream() {
    return new ByteArrayInputStream(bytes);
  }

  public int size() {
    return bytes.length;
  }

  /** The Content-Type the host declared, or {@code application/octet-stream}; not to be trusted. */
  public String contentType() {
    return contentType;
  }

  public String finalUrl() {
    return finalUrl;
  }
}
