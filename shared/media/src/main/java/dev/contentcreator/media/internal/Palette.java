package dev.contentcreator.media.internal;

import java.awt.image.BufferedImage;

/** The dominant colour of a (small) image: the fullest bucket of a 4-bit-per-channel histogram. */
public final class Palette {
  private static final int BUCKETS = 1 << 12;

  private Palette() {}

  /** The dominant colour as {@code #rrggbb}; transparent pixels count only when all are transparent. */
  public static String dominantColor(BufferedImage image) {
    long[] count = new long[BUCKETS];
    long[] red = new long[BUCKETS];
    long[] green = new long[BUCKETS];
    long[] blue = new long[BUCKETS];
    boolean anyOpaque = tally(image, true, count, red, green, blue);
    if (!anyOpaque) {
      tally(image, false, count, red, green, blue);
    }
    int best = 0;
    for (int i = 1; i < BUCKETS; i++) {
      if (count[i] > count[best]) {
        best = i;
      }
    }
    long n = Math.max(1, count[best]);
    return String.format("#%02x%02x%02x", red[best] / n, green[best] / n, blue[best] / n);
  }

  private static boolean tally(BufferedImage image, boolean opaqueOnly, long[] count, long[] r, long[] g, long[] b) {
    boolean any = false;
    int w = image.getWidth();
    int[] row = new int[w];
    for (int y = 0; y < image.getHeight(); y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int argb : row) {
        if (opaqueOnly && (argb >>> 24) < 128) {
          continue;
        }
        any = true;
        int cr = (argb >> 16) & 0xFF;
        int cg = (argb >> 8) & 0xFF;
        int cb = argb & 0xFF;
        int bucket = (cr >> 4) << 8 | (cg >> 4) << 4 | (cb >> 4);
        count[bucket]++;
        r[bucket] += cr;
        g[bucket] += cg;
        b[bucket] += cb;
      }
    }
    return any;
  }
}
