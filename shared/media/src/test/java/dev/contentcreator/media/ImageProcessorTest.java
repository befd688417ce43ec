package dev.contentcreator.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageProcessorTest {
  private final ImageProcessor processor = ImageProcessor.builder().build();
  private final ImageProcessor jpegAndPng = ImageProcessor.builder().preferWebp(false).build();

  private static BufferedImage decode(Rendition r) {
    try {
      BufferedImage image = ImageIO.read(r.openStream());
      assertNotNull(image, "no reader for " + r);
      return image;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Metadata metadata(Rendition r) throws Exception {
    return ImageMetadataReader.readMetadata(r.openStream(), r.byteSize());
  }

  private static void assertColor(Color expected, int argb, String where) {
    Color actual = new Color(argb, true);
    int diff = Math.abs(actual.getRed() - expected.getRed()) + Math.abs(actual.getGreen() - expected.getGreen())
        + Math.abs(actual.getBlue() - expected.getBlue());
    assertTrue(diff < 60, where + ": expected " + expected + " but was " + actual);
  }

  @ParameterizedTest
  @ValueSource(strings = {"png", "jpeg", "gif", "webp"})
  void makesBothThumbnailsAndTheWebVersionFromEachFormat(String format) {
    Function<BufferedImage, byte[]> writer = switch (format) {
      case "png" -> Fixtures::png;
      case "jpeg" -> Fixtures::jpeg;
      case "gif" -> Fixtures::gif;
      default -> Fixtures::webp;
    };
    ProcessedImage result = processor.process(writer.apply(Fixtures.quadrants(1600, 1200)));
    assertEquals(List.of(1600, 1200), List.of(result.width(), result.height()));
    assertEquals(List.of(1600, 1200), List.of(result.web().width(), result.web().height()));
    assertEquals(List.of(1024, 768), List.of(result.thumbnail(1024).orElseThrow().width(),
        result.thumbnail(1024).orElseThrow().height()));
    assertEquals(List.of(256, 192), List.of(result.thumbnail(256).orElseThrow().width(),
        result.thumbnail(256).orElseThrow().height()));
    BufferedImage small = decode(result.thumbnail(256).orElseThrow());
    assertEquals(List.of(256, 192), List.of(small.getWidth(), small.getHeight()));
    assertColor(Fixtures.YELLOW, small.getRGB(200, 150), "bottom-right of the 256 thumbnail");
  }

  @Test
  void writesWebpRenditionsWhenTheBundledLibwebpLoads() {
    ProcessedImage result = processor.process(Fixtures.png(Fixtures.quadrants(300, 200)));
    assertTrue(processor.writesWebp());
    assertEquals("image/webp", result.web().contentType());
    assertEquals("image/webp", result.thumbnail(256).orElseThrow().contentType());
  }

  @Test
  void writesJpegForAnOpaqueImageWithoutWebp() {
    ProcessedImage result = jpegAndPng.process(Fixtures.png(Fixtures.quadrants(300, 200)));
    assertEquals("image/jpeg", result.web().contentType());
    assertEquals("image/jpeg", result.thumbnail(256).orElseThrow().contentType());
  }

  @Test
  void keepsTransparencyAsPngWithoutWebp() {
    ProcessedImage result = jpegAndPng.process(Fixtures.png(Fixtures.transparentDisc(300, 300)));
    assertEquals("image/png", result.web().contentType());
    BufferedImage web = decode(result.web());
    assertEquals(0, web.getRGB(2, 2) >>> 24, "a corner stays transparent");
    assertColor(Fixtures.RED, web.getRGB(150, 150), "the disc");
  }

  @Test
  void keepsTransparencyInWebp() {
    BufferedImage web = decode(processor.process(Fixtures.png(Fixtures.transparentDisc(300, 300))).web());
    assertEquals(0, web.getRGB(2, 2) >>> 24, "a corner stays transparent");
  }

  @Test
  void neverEnlargesASmallImage() {
    ProcessedImage result = processor.process(Fixtures.png(Fixtures.quadrants(100, 50)));
    for (Rendition r : result.thumbnails()) {
      assertEquals(List.of(100, 50), List.of(r.width(), r.height()), r.toString());
    }
    assertEquals(List.of(100, 50), List.of(result.web().width(), result.web().height()));
  }

  @Test
  void capsTheWebVersionAtItsLongestSideDecodingWithSubsampling() {
    ProcessedImage result = processor.process(Fixtures.png(Fixtures.quadrants(4100, 2050)));
    assertEquals(List.of(4100, 2050), List.of(result.width(), result.height()));
    assertEquals(List.of(2048, 1024), List.of(result.web().width(), result.web().height()));
    BufferedImage web = decode(result.web());
    assertColor(Fixtures.GREEN, web.getRGB(1536, 256), "top-right");
  }

  @Test
  void stripsExifAndGpsFromEveryRendition() throws Exception {
    byte[] photo = Fixtures.withExif(Fixtures.jpeg(Fixtures.quadrants(400, 300)), 1);
    Metadata original = ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo), photo.length);
    assertNotNull(original.getFirstDirectoryOfType(GpsDirectory.class), "the fixture carries GPS");
    ProcessedImage result = jpegAndPng.process(photo);
    for (Rendition r : List.of(result.web(), result.thumbnails().get(0), result.thumbnails().get(1))) {
      Metadata m = metadata(r);
      assertEquals(List.of(), List.of(m.getDirectoriesOfType(GpsDirectory.class),
          m.getDirectoriesOfType(ExifIFD0Directory.class), m.getDirectoriesOfType(ExifSubIFDDirectory.class))
          .stream().filter(d -> d.iterator().hasNext()).toList(), r.toString());
    }
  }

  @Test
  void writesNoExifIntoWebp() throws Exception {
    ProcessedImage result = processor.process(Fixtures.withExif(Fixtures.jpeg(Fixtures.quadrants(400, 300)), 6));
    Metadata m = metadata(result.web());
    assertEquals(null, m.getFirstDirectoryOfType(GpsDirectory.class));
    assertEquals(null, m.getFirstDirectoryOfType(ExifIFD0Directory.class));
  }

  @ParameterizedTest(name = "orientation {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void turnsAndFlipsThePixelsUprightForEachExifOrientation(int orientation) {
    BufferedImage upright = Fixtures.quadrants(120, 80);
    byte[] photo = Fixtures.withExif(Fixtures.jpeg(Fixtures.storedFor(upright, orientation)), orientation);
    BufferedImage web = decode(jpegAndPng.process(photo).web());
    assertEquals(List.of(120, 80), List.of(web.getWidth(), web.getHeight()));
    assertColor(Fixtures.RED, web.getRGB(30, 20), "top-left");
    assertColor(Fixtures.GREEN, web.getRGB(90, 20), "top-right");
    assertColor(Fixtures.BLUE, web.getRGB(30, 60), "bottom-left");
    assertColor(Fixtures.YELLOW, web.getRGB(90, 60), "bottom-right");
  }

  @Test
  void reportsTheSizeAfterOrientation() {
    byte[] photo = Fixtures.withExif(Fixtures.jpeg(Fixtures.storedFor(Fixtures.quadrants(120, 80), 6)), 6);
    ProcessedImage result = processor.process(photo);
    assertEquals(List.of(120, 80), List.of(result.width(), result.height()));
  }

  @Test
  void keepsAnAnimatedGifAsItsWebVersionAndMakesStillThumbnails() {
    byte[] gif = Fixtures.animatedGif(List.of(Fixtures.solid(300, 200, Fixtures.RED),
        Fixtures.solid(300, 200, Fixtures.BLUE)));
    ProcessedImage result = processor.process(gif);
    assertTrue(result.animated());
    assertArrayEquals(gif, result.web().bytes());
    assertEquals("image/gif", result.web().contentType());
    BufferedImage thumb = decode(result.thumbnail(256).orElseThrow());
    assertEquals(List.of(256, 171), List.of(thumb.getWidth(), thumb.getHeight()));
    assertColor(Fixtures.RED, thumb.getRGB(128, 85), "the first frame");
  }

  @Test
  void hashesTheOriginalBytesSoTheSameFileHasTheSameKey() {
    byte[] png = Fixtures.png(Fixtures.quadrants(64, 64));
    ProcessedImage first = processor.process(png);
    assertEquals(ImageProcessor.sha256(png), first.sha256());
    assertEquals(64, first.sha256().length());
    assertEquals(first.sha256(), processor.process(png.clone()).sha256());
  }

  @Test
  void recordsFormatAndByteSizeOfTheOriginal() {
    byte[] jpeg = Fixtures.jpeg(Fixtures.quadrants(64, 64));
    ProcessedImage result = processor.process(jpeg);
    assertEquals(MediaType.JPEG, result.sourceType());
    assertEquals(jpeg.length, result.byteSize());
  }

  @Test
  void findsTheDominantColour() {
    BufferedImage mostlyBlue = Fixtures.solid(200, 200, Fixtures.BLUE);
    mostlyBlue.getGraphics().fillRect(0, 0, 50, 50);
    assertEquals("#0000ff", processor.process(Fixtures.png(mostlyBlue)).dominantColor());
  }

  @Test
  void makesABlurHashWhoseAverageColourIsTheImages() {
    String hash = processor.process(Fixtures.png(Fixtures.solid(200, 100, Fixtures.RED))).blurHash().orElseThrow();
    assertEquals(28, hash.length(), hash);
    int average = base83(hash.substring(2, 6));
    assertColor(Fixtures.RED, average, "the hash's DC component " + Integer.toHexString(average));
  }

  private static int base83(String digits) {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";
    int value = 0;
    for (char c : digits.toCharArray()) {
      value = value * 83 + alphabet.indexOf(c);
    }
    return value;
  }

  @Test
  void leavesOutTheBlurHashWhenTurnedOff() {
    ImageProcessor plain = ImageProcessor.builder().blurHash(false).build();
    assertTrue(plain.process(Fixtures.png(Fixtures.quadrants(64, 64))).blurHash().isEmpty());
  }

  @Test
  void refusesAPngCutInsideItsPixelDataWith422() {
    byte[] png = Fixtures.png(Fixtures.quadrants(400, 300));
    MediaRejectedException e = assertThrows(MediaRejectedException.class,
        () -> processor.process(Fixtures.truncate(png, png.length / 2)));
    assertEquals(422, e.status());
  }

  @Test
  void refusesAJpegCutInsideItsPixelDataWith422() {
    byte[] jpeg = Fixtures.jpeg(Fixtures.quadrants(400, 300));
    MediaRejectedException e = assertThrows(MediaRejectedException.class,
        () -> processor.process(Fixtures.truncate(jpeg, jpeg.length / 2)));
    assertEquals(422, e.status());
  }

  @Test
  void refusesAVideoWith415(@TempDir Path dir) {
    MediaRejectedException e = assertThrows(MediaRejectedException.class,
        () -> processor.process(Fixtures.mp4(64, 48, 2, 10, dir)));
    assertEquals(415, e.status());
  }

  @Test
  void refusesADecompressionBombBeforeDecoding() {
    MediaRejectedException e = assertThrows(MediaRejectedException.class,
        () -> processor.process(Fixtures.pngDeclaring(30_000, 30_000)));
    assertEquals(413, e.status());
  }

  @Test
  void builderRefusesAThumbnailLargerThanTheWebVersion() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImageProcessor.builder().thumbnailSizes(256, 2048).webMaxSide(1024).build());
    assertEquals("the largest thumbnail (2048) must not exceed webMaxSide (1024)", e.getMessage());
  }

  @Test
  void builderRefusesAQualityOutsideZeroToOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImageProcessor.builder().jpegQuality(1.5));
    assertEquals("jpegQuality must be above 0 and at most 1, got 1.5", e.getMessage());
  }

  @Test
  void builderRefusesRepeatedThumbnailSizes() {
    assertThrows(IllegalArgumentException.class, () -> ImageProcessor.builder().thumbnailSizes(256, 256));
  }

  @Test
  void builderRefusesAWebpMethodLibwebpDoesNotHave() {
    assertThrows(IllegalArgumentException.class, () -> ImageProcessor.builder().webpMethod(-1));
    assertThrows(IllegalArgumentException.class, () -> ImageProcessor.builder().webpMethod(7));
    assertThrows(IllegalArgumentException.class, () -> VideoProcessor.builder().webpMethod(7));
  }

  @Test
  void builderRefusesEncodeThreadsOutsideOneTo64() {
    assertThrows(IllegalArgumentException.class, () -> ImageProcessor.builder().encodeThreads(0));
    assertThrows(IllegalArgumentException.class, () -> ImageProcessor.builder().encodeThreads(65));
  }

  @Test
  void passesTheWebpMethodToLibwebp() {
    byte[] png = Fixtures.png(noise(512, 512));
    Rendition fastest = ImageProcessor.builder().webpMethod(0).build().process(png).web();
    Rendition smallest = ImageProcessor.builder().webpMethod(6).build().process(png).web();
    assertEquals("image/webp", fastest.contentType());
    assertFalse(java.util.Arrays.equals(fastest.bytes(), smallest.bytes()), "both methods wrote the same bytes");
    assertTrue(smallest.byteSize() < fastest.byteSize(),
        "method 6 wrote " + smallest.byteSize() + " bytes, method 0 " + fastest.byteSize());
  }

  @Test
  void encodingOnHelperThreadsGivesTheSameBytesAsOneThreadEvenWhenManyImagesComeAtOnce() throws Exception {
    byte[] png = Fixtures.png(noise(600, 400));
    ProcessedImage alone = ImageProcessor.builder().encodeThreads(1).build().process(png);
    ImageProcessor shared = ImageProcessor.builder().encodeThreads(3).build();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      var results = pool.invokeAll(java.util.Collections.nCopies(12,
          (java.util.concurrent.Callable<ProcessedImage>) () -> shared.process(png)));
      for (var result : results) {
        ProcessedImage p = result.get();
        assertArrayEquals(alone.web().bytes(), p.web().bytes());
        assertEquals(alone.thumbnails().size(), p.thumbnails().size());
        for (int i = 0; i < alone.thumbnails().size(); i++) {
          assertEquals(alone.thumbnails().get(i).name(), p.thumbnails().get(i).name());
          assertArrayEquals(alone.thumbnails().get(i).bytes(), p.thumbnails().get(i).bytes());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static BufferedImage noise(int w, int h) {
    java.util.Random random = new java.util.Random(7);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = (x * 255 / w + random.nextInt(24)) & 0xFF;
        int g = (y * 255 / h + random.nextInt(24)) & 0xFF;
        image.setRGB(x, y, r << 16 | g << 8 | random.nextInt(24));
      }
    }
    return image;
  }
}
