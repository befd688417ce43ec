package dev.contentcreator.media;

import dev.contentcreator.media.MediaRejectedException.Reason;
import dev.contentcreator.media.internal.Encoder;
import dev.contentcreator.media.internal.ImageCodecs;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import net.coobird.thumbnailator.Thumbnails;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.ByteBufferSeekableByteChannel;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;

/**
 * Reads a video's duration and frame size from its container (mp4parser for MP4, jcodec's EBML parser
 * for WebM) and makes a poster from the first frame with jcodec's pure-Java H.264 decoder. WebM (VP8,
 * VP9) gets no poster: no pure-Java decoder for it works here. The video itself is stored as it came.
 * Thread-safe; build with {@link #builder()}.
 */
public final class VideoProcessor {
  private final MediaInspector inspector;
  private final int posterMaxSide;
  private final Encoder encoder;

  private VideoProcessor(Builder b) {
    this.inspector = new MediaInspector(b.limits);
    this.posterMaxSide = b.posterMaxSide;
    this.encoder = new Encoder(b.preferWebp && ImageCodecs.canWriteWebp(), 0.80f, 0.82f, b.webpMethod);
  }

  public static Builder builder() { return new Builder(); }

  /**
   * Inspects and processes one video.
   *
   * @throws MediaRejectedException 413 too large, 415 not MP4 or WebM (images included), 422 unreadable
   */
  public ProcessedVideo process(byte[] bytes) {
    Inspection in = inspector.inspect(bytes);
    if (in.type().isImage()) {
      throw new MediaRejectedException(Reason.UNSUPPORTED_TYPE,
          "This file is not a video we accept here: it is " + in.type().contentType() + ".");
    }
    Optional<Rendition> poster = in.type() == MediaType.MP4 && in.width() > 0 ? poster(bytes) : Optional.empty();
    return new ProcessedVideo(in.type(), in.width(), in.height(), bytes.length, ImageProcessor.sha256(bytes),
        in.duration(), poster);
  }

  private Optional<Rendition> poster(byte[] bytes) {
    BufferedImage frame;
    try {
      Picture picture = FrameGrab.getFrameFromChannel(
          ByteBufferSeekableByteChannel.readFromByteBuffer(ByteBuffer.wrap(bytes)), 0);
      frame = picture == null ? null : AWTUtil.toBufferedImage(picture);
    } catch (Exception | LinkageError | StackOverflowError e) {
      // A codec jcodec cannot decode (HEVC, AV1, some H.264 profiles): the video is kept without a poster.
      return Optional.empty();
    }
    if (frame == null) {
      return Optional.empty();
    }
    try {
      int longest = Math.max(frame.getWidth(), frame.getHeight());
      var builder = Thumbnails.of(frame).imageType(BufferedImage.TYPE_INT_RGB);
      BufferedImage fitted = (longest <= posterMaxSide ? builder.scale(1.0)
          : builder.size(posterMaxSide, posterMaxSide).keepAspectRatio(true)).asBufferedImage();
      return Optional.of(encoder.encode("poster", fitted));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Builds a {@link VideoProcessor}; each setter checks its argument. */
  public static final class Builder {
    private MediaLimits limits = MediaLimits.defaults();
    private int posterMaxSide = 1024;
    private boolean preferWebp = true;
    private int webpMethod = ImageProcessor.DEFAULT_WEBP_METHOD;

    private Builder() {}

    public Builder limits(MediaLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** The poster's longest side at most, 64 to 4096 pixels; default 1024. */
    public Builder posterMaxSide(int pixels) {
      if (pixels < 64 || pixels > 4096) {
        throw new IllegalArgumentException("posterMaxSide must be 64 to 4096 pixels, got " + pixels);
      }
      this.posterMaxSide = pixels;
      return this;
    }

    /** Write the poster as WebP when libwebp loads here (default); false writes JPEG. */
    public Builder preferWebp(boolean preferWebp) {
      this.preferWebp = preferWebp;
      return this;
    }

    /** libwebp's method for the poster, 0 (fastest) to 6 (smallest); as {@link ImageProcessor.Builder#webpMethod}. */
    public Builder webpMethod(int method) {
      this.webpMethod = Encoder.checkMethod(method);
      return this;
    }

    public VideoProcessor build() {
      return new VideoProcessor(this);
    }
  }
}
