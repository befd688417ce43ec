package dev.contentcreator.media.bench;

import dev.contentcreator.media.ImageProcessor;
import dev.contentcreator.media.ProcessedImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Images per second for a 2048 x 2048 PNG to the web version and both thumbnails, for each of
 * several encoder configurations in one JVM, rounds interleaved so that a noisy neighbour slows them
 * alike; and the peak heap of the first. Run by {@code bench/media.sh}. System properties:
 * {@code configs} (space-separated {@code method:threads}, e.g. {@code "2:0 4:1"}; threads 0 is the
 * processor's default), {@code rounds}, {@code iterations} per round, {@code warmup}, {@code webp},
 * {@code png.out} (where to write the input, for the reference tool). Prints one {@code RESULT} line
 * per configuration for the script: median, min and max images/s, and the web version's bytes.
 */
public final class MediaBench {
  private MediaBench() {}

  private record Config(String label, ImageProcessor processor, List<Double> rates, long[] webBytes) {}

  public static void main(String[] args) throws Exception {
    int warmup = Integer.getInteger("warmup", 3);
    int rounds = Integer.getInteger("rounds", 5);
    int iterations = Integer.getInteger("iterations", 4);
    boolean webp = Boolean.parseBoolean(System.getProperty("webp", "true"));
    byte[] png = photoLikePng(2048, 2048);
    String out = System.getProperty("png.out");
    if (out != null) {
      Files.write(Path.of(out), png);
    }
    List<Config> configs = new ArrayList<>();
    for (String spec : System.getProperty("configs", "2:0 4:1").trim().split("\\s+")) {
      String[] parts = spec.split(":");
      int method = Integer.parseInt(parts[0]);
      int threads = Integer.parseInt(parts[1]);
      ImageProcessor.Builder b = ImageProcessor.builder().preferWebp(webp).webpMethod(method);
      ImageProcessor p = (threads > 0 ? b.encodeThreads(threads) : b).build();
      configs.add(new Config(spec, p, new ArrayList<>(), new long[1]));
    }
    for (Config c : configs) {
      for (int i = 0; i < warmup; i++) {
        c.processor().process(png);
      }
    }
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long peak = -1;
    ProcessedImage last = null;
    for (int r = 0; r < rounds; r++) {
      for (Config c : configs) {
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
          last = c.processor().process(png);
          c.webBytes()[0] = last.web().byteSize();
        }
        c.rates().add(iterations / ((System.nanoTime() - start) / 1e9));
        if (peak < 0) {
          peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }
      }
    }
    System.out.printf("input: 2048x2048 PNG, %d bytes; output: %s web %dx%d, thumbnails %s; %d rounds of %d images%n",
        png.length, last.web().contentType(), last.web().width(), last.web().height(),
        last.thumbnails().stream().map(t -> t.width() + "x" + t.height()).toList(), rounds, iterations);
    System.out.printf("peak heap of the first configuration: %.1f MiB (sum of heap pools' peaks; -Xmx %.0f MiB)%n",
        peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
    for (Config c : configs) {
      double[] sorted = c.rates().stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf("RESULT %s %.3f %.3f %.3f %d%n", c.label(), median(sorted), sorted[0],
          sorted[sorted.length - 1], c.webBytes()[0]);
    }
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
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
