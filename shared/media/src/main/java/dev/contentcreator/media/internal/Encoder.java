package dev.contentcreator.media.internal;

import dev.contentcreator.media.Rendition;
import com.luciad.imageio.webp.WebPWriteParam;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes pixels, and only pixels, to WebP (lossy, alpha kept) when {@code webp} is on, else to JPEG
 * for opaque images and PNG for images with transparency. No metadata is passed to the writers, so
 * none is written. {@code webpMethod} is libwebp's speed and size trade-off, 0 (fastest) to 6
 * (smallest); libwebp's own default is 4.
 */
public final class Encoder {
  private final boolean webp;
  private final float webpQuality;
  private final float jpegQuality;
  private final int webpMethod;

  public Encoder(boolean webp, float webpQuality, float jpegQuality, int webpMethod) {
    this.webp = webp;
    this.webpQuality = webpQuality;
    this.jpegQuality = jpegQuality;
    this.webpMethod = checkMethod(webpMethod);
  }

  /** The WebP method if it is one libwebp has (0 to 6), else an {@link IllegalArgumentException}. */
  public static int checkMethod(int method) {
    if (method < 0 || method > 6) {
      throw new IllegalArgumentException("webpMethod must be 0 to 6, got " + method);
    }
    return method;
  }

  /** Encodes an image of type {@code TYPE_INT_RGB} (opaque) or {@code TYPE_INT_ARGB}. */
  public Rendition encode(String name, BufferedImage image) {
    boolean alpha = image.getColorModel().hasAlpha();
    try {
      if (webp) {
        return new Rendition(name, "image/webp", image.getWidth(), image.getHeight(),
            write("image/webp", image, webpQuality, "Lossy", webpMethod));
      }
      if (alpha) {
        return new Rendition(name, "image/png", image.getWidth(), image.getHeight(), write("image/png", image, -1, null, 0));
      }
      return new Rendition(name, "image/jpeg", image.getWidth(), image.getHeight(),
          write("image/jpeg", image, jpegQuality, null, 0));
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the " + name + " rendition", e);
    }
  }

  private static byte[] write(String contentType, BufferedImage image, float quality, String compressionType,
      int method) throws IOException {
    ImageWriter writer = ImageCodecs.writer(contentType)
        .orElseThrow(() -> new IllegalStateException("no ImageIO writer for " + contentType));
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, image.getWidth() * image.getHeight() / 4));
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (quality >= 0 && param.canWriteCompressed()) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        if (compressionType != null) {
          param.setCompressionType(compressionType);
        }
        param.setCompressionQuality(quality);
      }
      if (param instanceof WebPWriteParam webpParam) {
        webpParam.setMethod(method);
      }
      if (param.canWriteProgressive() && contentType.equals("image/jpeg")) {
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
