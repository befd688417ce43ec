package dev.contentcreator.media;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What processing a video produced.
 *
 * @param type MP4 or WebM, read from the bytes
 * @param width frame width from the container, 0 when it has no video track
 * @param height frame height from the container, 0 when it has no video track
 * @param byteSize the original's size in bytes
 * @param sha256 lower-case hex SHA-256 of the original bytes
 * @param duration the duration the container declares, if it does
 * @param poster the first frame as an image, where the pure-Java decoder could make one (H.264 in MP4)
 */
public record ProcessedVideo(MediaType type, int width, int height, long byteSize, String sha256,
    Optional<Duration> duration, Optional<Rendition> poster) {

  public ProcessedVideo {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(poster, "poster");
  }
}
