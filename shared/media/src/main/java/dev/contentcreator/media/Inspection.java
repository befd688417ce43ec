package dev.contentcreator.media;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the inspector learned from a file's headers, without decoding pixels.
 *
 * @param type the format read from the bytes
 * @param byteSize the number of bytes
 * @param width width as stored (before any EXIF orientation), 0 when a video has no video track
 * @param height height as stored, 0 when a video has no video track
 * @param frames the number of images (more than 1 for an animated GIF or WebP; 1 for video)
 * @param duration a video's duration, when its container says; empty for images
 */
public record Inspection(MediaType type, long byteSize, int width, int height, int frames,
    Optional<Duration> duration) {

  public Inspection {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(duration, "duration");
  }

  /** Whether this is an image with more than one frame. */
  public boolean animated() {
    return type.isImage() && frames > 1;
  }
}
