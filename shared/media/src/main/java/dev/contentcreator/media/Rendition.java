package dev.contentcreator.media;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/** One derived file (a thumbnail, the web version, a poster): its bytes, type and size. Immutable. */
public final class Rendition {
  private final String name;
  private final String contentType;
  private final int width;
  private final int height;
  private final byte[] bytes;

  /** Takes ownership of {@code bytes}: the caller must not change them afterwards. */
  public Rendition(String name, String contentType, int width, int height, byte[] bytes) {
    this.name = Objects.requireNonNull(name, "name");
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("a rendition needs a positive size, got " + width + " x " + height);
    }
    this.width = width;
    this.height = height;
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  /** What it is for: {@code web}, {@code thumb-256}, {@code poster}. */
  public String name() { return name; }
  public String contentType() { return contentType; }
  public int width() { return width; }
  public int height() { return height; }
  public int byteSize() { return bytes.length; }

  /** A copy of the bytes. */
  public byte[] bytes() { return bytes.clone(); }

  /** The bytes as a stream, without copying them (for {@code BlobStore.put}). */
  public InputStream openStream() { return new ByteArrayInputStream(bytes); }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rendition r && name.equals(r.name) && contentType.equals(r.contentType)
        && width == r.width && height == r.height && Arrays.equals(bytes, r.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, contentType, width, height, Arrays.hashCode(bytes));
  }

  @Override
  public String toString() {
    return "Rendition[" + name + ", " + contentType + ", " + width + "x" + height + ", " + bytes.length + " bytes]";
  }
}
