package dev.contentcreator.core.ports;

import dev.contentcreator.core.http.ApiException;
import java.util.List;
import java.util.Objects;

/**
 * The media port: checks bytes that claim to be an image or a video (the type is read from the
 * bytes, sizes from the header before decoding) and makes what a web page needs: a version without
 * private metadata, thumbnails, a poster for video where possible, and facts about it. The adapter
 * lives in {@code shared/media}.
 */
public interface MediaProcessor {

  /** Processes the bytes; throws {@link ApiException} (413, 415 or 422) for what it refuses. */
  Processed process(byte[] bytes);

  /** One made file: its name ({@code web}, {@code thumb-256}, {@code thumb-1024}, {@code poster}). */
  record Rendition(String name, String contentType, String extension, int width, int height, byte[] bytes) {
    public Rendition {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /**
   * What the processing found and made. {@code video} tells a video from an image; the web rendition
   * of a video is the original file (videos are not re-encoded); {@code blurHash} and
   * {@code durationSeconds} may be null.
   */
  record Processed(boolean video, String sourceType, int width, int height, long byteSize, String sha256,
      String dominantColor, String blurHash, Double durationSeconds, List<Rendition> renditions) {
    public Processed {
      renditions = List.copyOf(renditions);
    }
  }
}
