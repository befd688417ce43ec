package dev.contentcreator.media;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What processing an image produced.
 *
 * @param sourceType the format of the original bytes
 * @param width width after EXIF orientation was applied
 * @param height height after EXIF orientation was applied
 * @param byteSize the original's size in bytes
 * @param sha256 lower-case hex SHA-256 of the original bytes: the key to store them once
 * @param animated whether the original has more than one frame (its web version is then the original)
 * @param dominantColor the most common colour, as {@code #rrggbb}
 * @param blurHash a BlurHash placeholder (4 x 3 components), when enabled
 * @param web the web version: re-encoded without metadata, or the original bytes of an animation
 * @param thumbnails one per configured size, largest first, never larger than the image
 */
public record ProcessedImage(MediaType sourceType, int width, int height, long byteSize, String sha256,
    boolean animated, String dominantColor, Optional<String> blurHash, Rendition web, List<Rendition> thumbnails) {

  public ProcessedImage {
    Objects.requireNonNull(sourceType, "sourceType");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(dominantColor, "dominantColor");
    Objects.requireNonNull(blurHash, "blurHash");
    Objects.requireNonNull(web, "web");
    thumbnails = List.copyOf(thumbnails);
  }

  /** The thumbnail made for {@code size} (the longest-side setting), if that size was configured. */
  public Optional<Rendition> thumbnail(int size) {
    return thumbnails.stream().filter(t -> t.name().equals("thumb-" + size)).findFirst();
  }
}
