package dev.contentcreator.media.bench;

import dev.contentcreator.media.ImageProcessor;
import dev.contentcreator.media.ProcessedImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Images per second for a 2048 x 2048 PNG to both thumbnails and the web version, and the peak heap
 * while doing it. Run by {@code bench/media.sh}; settings from system properties {@code warmup},
 * {@code iterations} and {@code webp} (true or false).
 */
public final class MediaBench {
  private MediaBench() {}

  public static void main(String[] args) throws Exception {
    int warmup = Integer.getInteger("warmup", 5);
    int iterations = Integer.getInteger("iterations", 20);
    boolean webp = Boolean.parseBoolean(System.getProperty("webp", "true"));
    byte[] png = photoLikePng(2048, 2048);
    ImageProcessor processor = ImageProcessor.builder().preferWebp(webp).build();

    for (int i = 0; i < warmup; i++) {
      processor.process(png);
    }
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long outBytes = 0;
    long start = System.nanoTime();
    ProcessedImage last = null;
    for (int i = 0; i < iterations; i++) {
      last = processor.process(png);
      outBytes += last.web().byteSize();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    long max = Runtime.getRuntime().maxMemory();
    System.out.printf("input: 2048x2048 PNG, %d bytes; output: %s web %dx%d (%d bytes), thumbnails %s%n",
        png.length, last.web().contentType(), last.web().width(), last.web().height(), outBytes / iterations,
        last.thumbnails().stream().map(t -> t.width() + "x" + t.height()).toList());
    System.out.printf("images/s: %.2f (%d images in %.2f s, one thread)%n", iterations / seconds, iterations, seconds);
    System.out.printf("peak heap: %.1f MiB (sum of heap pools' peaks since warm-up; -Xmx %.0f MiB)%n",
        peak / 1048576.0, max / 1048576.0);
  }

  /** A smooth gradient with noise, so the PNG compresses like a photo rather than a flat colour. */
  private static byte[] photoLikePng(int w, int h) throws Exception {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(42);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = (x * 255 / w + random.nextInt(24)) & 0xFF;
        int g = (y * 255 / h + random.nextInt(24)) & 0xFF;
        int b = ((x + y) * 255 / (w + h) + random.nextInt(24)) & 0xFF;
        image.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
