package dev.contentcreator.media.internal;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/** EXIF orientation: read with metadata-extractor, applied with Thumbnailator's orientation filters. */
public final class Orientations {
  private Orientations() {}

  /** The EXIF Orientation tag (1 to 8), or 1 when there is none or the metadata cannot be read. */
  public static int read(byte[] bytes) {
    try {
      Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
      for (ExifIFD0Directory dir : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
        if (dir.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
          int value = dir.getInt(ExifIFD0Directory.TAG_ORIENTATION);
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
      return 1;
    } catch (Exception e) {
      // Broken metadata does not make the pixels unusable: keep them as stored.
      return 1;
    }
  }

  /** Whether the orientation swaps width and height (a quarter turn). */
  public static boolean swapsSides(int orientation) {
    return orientation >= 5 && orientation <= 8;
  }

  /** The image turned and flipped so that it displays upright; the same image for orientation 1. */
  public static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation == 1) {
      return image;
    }
    return ExifFilterUtils.getFilterForOrientation(Orientation.typeOf(orientation)).apply(image);
  }
}
