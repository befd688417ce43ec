package dev.contentcreator.documents;

import dev.contentcreator.core.exports.ItemDocument;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.poi.xwpf.usermodel.Document;

/** What the document formats need to know of an image: its size, and a type they can hold. */
final class Images {
  private Images() {}

  /** Word's picture type for a media type, or 0 when Word cannot hold it as it is. */
  static int pictureType(String contentType) {
    return switch (contentType) {
      case "image/png" -> Document.PICTURE_TYPE_PNG;
      case "image/jpeg" -> Document.PICTURE_TYPE_JPEG;
      case "image/gif" -> Document.PICTURE_TYPE_GIF;
      default -> 0;
    };
  }

  /**
   * The image as PNG, JPEG or GIF: itself when it is one, else decoded (WebP too) and written as
   * JPEG, or PNG when it has transparency; null when it cannot be read.
   */
  static ItemDocument.Image embeddable(ItemDocument.Image image) throws IOException {
    if (pictureType(image.contentType()) != 0) {
      return image;
    }
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.bytes()));
    if (decoded == null) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (decoded.getColorModel().hasAlpha()) {
      ImageIO.write(decoded, "png", out);
      return new ItemDocument.Image(out.toByteArray(), "image/png", decoded.getWidth(), decoded.getHeight());
    }
    // An opaque picture (a photo, as the media pipeline stores it) as JPEG keeps the file small.
    BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
    rgb.getGraphics().drawImage(decoded, 0, 0, null);
    ImageIO.write(rgb, "jpeg", out);
    return new ItemDocument.Image(out.toByteArray(), "image/jpeg", decoded.getWidth(), decoded.getHeight());
  }

  /** Width and height in pixels: as recorded, else read from the image's header; {0, 0} when unknown. */
  static int[] size(ItemDocument.Image image) throws IOException {
    if (image.width() > 0 && image.height() > 0) {
      return new int[] {image.width(), image.height()};
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image.bytes()))) {
      Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return new int[] {0, 0};
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        return new int[] {reader.getWidth(0), reader.getHeight(0)};
      } finally {
        reader.dispose();
      }
    }
  }
}
