package dev.contentcreator.ai.demo;

import dev.contentcreator.core.ports.ai.ProviderException;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Paints the demo's images with Java2D: a two-colour gradient, soft translucent shapes and the
 * prompt's first words as a caption, all chosen from a seed; encoded as PNG in memory.
 */
final class DemoImage {
  static final int DEFAULT_SIDE = 1024;
  static final int MAX_SIDE = 2048;
  static final int MIN_SIDE = 16;
  private static final int CAPTION_WORDS = 6;
  private static final Pattern SIZE = Pattern.compile("\\s*(\\d{1,6})\\s*[xX]\\s*(\\d{1,6})\\s*");
  private static final Pattern RATIO = Pattern.compile("\\s*(\\d{1,4})\\s*:\\s*(\\d{1,4})\\s*");
  private static final Pattern WORD = Pattern.compile("\\S+");

  static {
    // Drawing into an image needs no screen; say so before anything touches AWT, unless the
    // application has decided already.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Width and height in pixels. */
  record Size(int width, int height) { }

  private DemoImage() { }

  /**
   * The size asked for: {@code width} and/or {@code height}, else {@code size} as "1024x768", else
   * {@code aspectRatio} as "16:9" on a 1024 long side, else 1024 x 1024. A size larger than 2048 on
   * its long side is scaled down to it, keeping its shape.
   */
  static Size sizeOf(Map<String, String> options) throws ProviderException {
    String width = options.get("width");
    String height = options.get("height");
    String size = options.get("size");
    String ratio = options.get("aspectRatio");
    int w;
    int h;
    if (width != null || height != null) {
      Integer pw = width == null ? null : side("width", width);
      Integer ph = height == null ? null : side("height", height);
      w = pw != null ? pw : ph;
      h = ph != null ? ph : pw;
    } else if (size != null) {
      Matcher m = SIZE.matcher(size);
      if (!m.matches()) {
        throw DemoProvider.badOption("size", size, "a width and height such as 1024x1024");
      }
      w = side("size", m.group(1));
      h = side("size", m.group(2));
    } else if (ratio != null) {
      Matcher m = RATIO.matcher(ratio);
      int a = m.matches() ? Integer.parseInt(m.group(1)) : 0;
      int b = m.matches() ? Integer.parseInt(m.group(2)) : 0;
      if (a == 0 || b == 0) {
        throw DemoProvider.badOption("aspectRatio", ratio, "two whole numbers such as 16:9");
      }
      w = a >= b ? DEFAULT_SIDE : Math.max(MIN_SIDE, Math.round(DEFAULT_SIDE * (float) a / b));
      h = b >= a ? DEFAULT_SIDE : Math.max(MIN_SIDE, Math.round(DEFAULT_SIDE * (float) b / a));
    } else {
      w = DEFAULT_SIDE;
      h = DEFAULT_SIDE;
    }
    int longSide = Math.max(w, h);
    if (longSide > MAX_SIDE) {
      double scale = (double) MAX_SIDE / longSide;
      w = Math.max(MIN_SIDE, (int) Math.round(w * scale));
      h = Math.max(MIN_SIDE, (int) Math.round(h * scale));
    }
    return new Size(w, h);
  }

  private static int side(String option, String value) throws ProviderException {
    String expected = "a whole number of pixels of at least " + MIN_SIDE;
    int n;
    try {
      n = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw DemoProvider.badOption(option, value, expected);
    }
    if (n < MIN_SIDE) {
      throw DemoProvider.badOption(option, value, expected);
    }
    return n;
  }

  static byte[] paint(String prompt, Size size, Random random) {
    int w = size.width();
    int h = size.height();
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      float hue = random.nextFloat();
      Color from = Color.getHSBColor(hue, 0.35f + 0.25f * random.nextFloat(), 0.95f);
      Color to = Color.getHSBColor((hue + 0.12f + 0.25f * random.nextFloat()) % 1f,
          0.5f + 0.3f * random.nextFloat(), 0.6f + 0.25f * random.nextFloat());
      g.setPaint(new GradientPaint(0, 0, from, w, h, to));
      g.fillRect(0, 0, w, h);
      shapes(g, w, h, hue, random);
      caption(g, prompt, w, h);
    } finally {
      g.dispose();
    }
    return png(image);
  }

  private static void shapes(Graphics2D g, int w, int h, float hue, Random random) {
    int count = 6 + random.nextInt(6);
    int shortSide = Math.min(w, h);
    for (int i = 0; i < count; i++) {
      Color c = Color.getHSBColor((hue + 0.5f * random.nextFloat()) % 1f, 0.25f + 0.4f * random.nextFloat(), 1f);
      g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 40 + random.nextInt(80)));
      double d = (0.1 + 0.4 * random.nextDouble()) * shortSide;
      double x = random.nextDouble() * w - d / 2;
      double y = random.nextDouble() * h - d / 2;
      if (random.nextBoolean()) {
        g.fill(new Ellipse2D.Double(x, y, d, d));
      } else {
        g.fill(new RoundRectangle2D.Double(x, y, d, d * (0.5 + random.nextDouble()), d / 4, d / 4));
      }
    }
  }

  /** The prompt's first words on a dark band along the bottom, made smaller until they fit. */
  private static void caption(Graphics2D g, String prompt, int w, int h) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(prompt);
    while (m.find() && words.size() <= CAPTION_WORDS) {
      words.add(m.group());
    }
    if (words.isEmpty() || Math.min(w, h) < 64) {
      return;
    }
    boolean cut = words.size() > CAPTION_WORDS;
    String text = String.join(" ", words.subList(0, Math.min(words.size(), CAPTION_WORDS)));
    int fontSize = Math.max(10, Math.min(w, h) / 14);
    Font font = new Font(Font.SANS_SERIF, Font.BOLD, fontSize);
    FontMetrics metrics = g.getFontMetrics(font);
    while (metrics.stringWidth(text) > w * 0.9 && fontSize > 10) {
      fontSize--;
      font = font.deriveFont((float) fontSize);
      metrics = g.getFontMetrics(font);
    }
    while (metrics.stringWidth(text + "…") > w * 0.9 && text.contains(" ")) {
      text = text.substring(0, text.lastIndexOf(' '));
    }
    if (cut || text.split(" ").length < words.size()) {
      text = text + "…";
    }
    int band = metrics.getHeight() * 2;
    g.setColor(new Color(0, 0, 0, 110));
    g.fillRect(0, h - band, w, band);
    g.setFont(font);
    g.setColor(Color.WHITE);
    int x = Math.max(0, (w - metrics.stringWidth(text)) / 2);
    int y = h - band + (band - metrics.getHeight()) / 2 + metrics.getAscent();
    g.drawString(text, x, y);
  }

  private static byte[] png(BufferedImage image) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IllegalStateException("this Java runtime has no PNG writer");
    }
    ImageWriter writer = writers.next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // A memory cache, so no temporary file is written for each image.
    try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(image);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode a PNG in memory", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
