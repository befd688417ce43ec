package dev.contentcreator.media;

/**
 * What the inspector lets through: bytes per kind, pixels and the longest side. Build with
 * {@link #builder()}; every setting has a default suited to uploads and generated media.
 */
public final class MediaLimits {
  public static final long DEFAULT_MAX_IMAGE_BYTES = 32L << 20;
  public static final long DEFAULT_MAX_VIDEO_BYTES = 256L << 20;
  public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
  public static final int DEFAULT_MAX_SIDE = 16_384;

  private final long maxImageBytes;
  private final long maxVideoBytes;
  private final long maxPixels;
  private final int maxSide;

  private MediaLimits(Builder b) {
    this.maxImageBytes = b.maxImageBytes;
    this.maxVideoBytes = b.maxVideoBytes;
    this.maxPixels = b.maxPixels;
    this.maxSide = b.maxSide;
  }

  public static MediaLimits defaults() { return builder().build(); }
  public static Builder builder() { return new Builder(); }

  public long maxImageBytes() { return maxImageBytes; }
  public long maxVideoBytes() { return maxVideoBytes; }
  /** The largest width x height, for images and video frames. */
  public long maxPixels() { return maxPixels; }
  /** The largest width or height. */
  public int maxSide() { return maxSide; }

  /** The most bytes any accepted kind may have. */
  public long maxBytes() { return Math.max(maxImageBytes, maxVideoBytes); }

  /** Builds {@link MediaLimits}; each setter checks its argument. */
  public static final class Builder {
    private long maxImageBytes = DEFAULT_MAX_IMAGE_BYTES;
    private long maxVideoBytes = DEFAULT_MAX_VIDEO_BYTES;
    private long maxPixels = DEFAULT_MAX_PIXELS;
    private int maxSide = DEFAULT_MAX_SIDE;

    private Builder() {}

    public Builder maxImageBytes(long bytes) {
      this.maxImageBytes = positive("maxImageBytes", bytes);
      return this;
    }

    public Builder maxVideoBytes(long bytes) {
      this.maxVideoBytes = positive("maxVideoBytes", bytes);
      return this;
    }

    public Builder maxPixels(long pixels) {
      this.maxPixels = positive("maxPixels", pixels);
      return this;
    }

    public Builder maxSide(int pixels) {
      this.maxSide = (int) positive("maxSide", pixels);
      return this;
    }

    public MediaLimits build() {
      return new MediaLimits(this);
    }

    private static long positive(String name, long value) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }
}
