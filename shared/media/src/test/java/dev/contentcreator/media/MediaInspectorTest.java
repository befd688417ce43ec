package dev.contentcreator.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.media.MediaRejectedException.Reason;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaInspectorTest {
  private final MediaInspector inspector = new MediaInspector(MediaLimits.defaults());

  private MediaRejectedException refused(byte[] bytes) {
    return assertThrows(MediaRejectedException.class, () -> inspector.inspect(bytes));
  }

  @Test
  void readsPngTypeAndSizeFromTheHeader() {
    Inspection in = inspector.inspect(Fixtures.png(Fixtures.quadrants(30, 20)));
    assertEquals(List.of(MediaType.PNG, 30, 20), List.of(in.type(), in.width(), in.height()));
  }

  @Test
  void readsJpegTypeAndSizeFromTheHeader() {
    Inspection in = inspector.inspect(Fixtures.jpeg(Fixtures.quadrants(30, 20)));
    assertEquals(List.of(MediaType.JPEG, 30, 20), List.of(in.type(), in.width(), in.height()));
  }

  @Test
  void readsWebpTypeAndSizeFromTheHeader() {
    Inspection in = inspector.inspect(Fixtures.webp(Fixtures.quadrants(30, 20)));
    assertEquals(List.of(MediaType.WEBP, 30, 20), List.of(in.type(), in.width(), in.height()));
  }

  @Test
  void readsGifTypeAndSizeFromTheHeader() {
    Inspection in = inspector.inspect(Fixtures.gif(Fixtures.quadrants(30, 20)));
    assertEquals(List.of(MediaType.GIF, 30, 20), List.of(in.type(), in.width(), in.height()));
  }

  @Test
  void countsTheFramesOfAnAnimatedGif() {
    byte[] gif = Fixtures.animatedGif(List.of(Fixtures.solid(10, 10, Fixtures.RED), Fixtures.solid(10, 10,
        Fixtures.BLUE), Fixtures.solid(10, 10, Fixtures.GREEN)));
    Inspection in = inspector.inspect(gif);
    assertEquals(3, in.frames());
    assertTrue(in.animated());
  }

  @Test
  void readsMp4DurationAndFrameSizeFromTheContainer(@TempDir Path dir) {
    Inspection in = inspector.inspect(Fixtures.mp4(160, 120, 20, 10, dir));
    assertEquals(MediaType.MP4, in.type());
    assertEquals(List.of(160, 120), List.of(in.width(), in.height()));
    assertEquals(Duration.ofSeconds(2), in.duration().orElseThrow());
  }

  @Test
  void readsWebmDurationAndFrameSizeFromTheContainer() {
    Inspection in = inspector.inspect(Fixtures.webm(640, 360, 2500.0));
    assertEquals(MediaType.WEBM, in.type());
    assertEquals(List.of(640, 360), List.of(in.width(), in.height()));
    assertEquals(Duration.ofMillis(2500), in.duration().orElseThrow());
  }

  @Test
  void refusesAWindowsProgramWhateverItIsCalledWith415() {
    byte[] exe = Fixtures.concat("MZ".getBytes(StandardCharsets.US_ASCII), new byte[200]);
    MediaRejectedException e = refused(exe);
    assertEquals(415, e.status());
    assertTrue(e.getMessage().startsWith("This file is not an image or video we accept: it is a Windows program"),
        e.getMessage());
  }

  @Test
  void refusesALinuxProgramWith415() {
    byte[] elf = Fixtures.concat(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1}, new byte[200]);
    assertEquals(415, refused(elf).status());
  }

  @Test
  void refusesAHeicStillImageInAnIsoContainerWith415() {
    byte[] heic = Fixtures.concat(new byte[] {0, 0, 0, 24}, "ftypheic".getBytes(StandardCharsets.US_ASCII),
        new byte[] {0, 0, 0, 0}, "mif1heic".getBytes(StandardCharsets.US_ASCII), new byte[100]);
    assertEquals(Reason.UNSUPPORTED_TYPE, refused(heic).reason());
  }

  @Test
  void refusesMatroskaThatIsNotWebmWith415() {
    byte[] mkv = Fixtures.webm(64, 64, 10);
    byte[] docType = "webm".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + 4 <= mkv.length; i++) {
      if (java.util.Arrays.equals(mkv, i, i + 4, docType, 0, 4)) {
        mkv[i] = 'x';
        break;
      }
    }
    assertEquals(415, refused(mkv).status());
  }

  @Test
  void refusesMoreBytesThanTheImageLimitWith413() {
    MediaInspector small = new MediaInspector(MediaLimits.builder().maxImageBytes(100).build());
    byte[] png = Fixtures.png(Fixtures.quadrants(64, 64));
    MediaRejectedException e = assertThrows(MediaRejectedException.class, () -> small.inspect(png));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertEquals(413, e.status());
  }

  @Test
  void refusesADecompressionBombFromItsHeaderWithoutAllocatingThePixels() {
    byte[] bomb = Fixtures.pngDeclaring(30_000, 30_000);
    assertTrue(bomb.length < 100, "the bomb itself is tiny: " + bomb.length);
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    MediaRejectedException e = refused(bomb);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertEquals(Reason.TOO_MANY_PIXELS, e.reason());
    assertEquals(413, e.status());
    // Decoding would need 2.7 GB for the pixels; reading the header needs a few kilobytes of objects.
    assertTrue(allocated < 32L << 20, "allocated " + allocated + " bytes");
  }

  @Test
  void refusesASideLongerThanTheLimitEvenWithFewPixels() {
    assertEquals(Reason.TOO_MANY_PIXELS, refused(Fixtures.pngDeclaring(20_000, 10)).reason());
  }

  @Test
  void refusesAPngCutInsideItsHeaderWith422() {
    byte[] cut = Fixtures.truncate(Fixtures.png(Fixtures.quadrants(30, 20)), 20);
    MediaRejectedException e = refused(cut);
    assertEquals(422, e.status());
    assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
  }

  @Test
  void refusesAnMp4WithoutAMovieHeaderWith422() {
    byte[] ftypOnly = Fixtures.concat(new byte[] {0, 0, 0, 16}, "ftypisom".getBytes(StandardCharsets.US_ASCII),
        new byte[] {0, 0, 2, 0});
    assertEquals(422, refused(ftypOnly).status());
  }

  @Test
  void anEmptyFileIsRefusedAsNotMedia() {
    assertEquals(415, refused(new byte[0]).status());
  }

  @Test
  void aRefusalBecomesTheGatewaysProblemAnswer() {
    ApiException api = refused(Fixtures.pngDeclaring(30_000, 30_000)).toApiException();
    assertEquals(413, api.status());
    assertEquals("image-too-large", api.type());
    assertTrue(api.detail().contains("30000 x 30000"), api.detail());
  }

  @Test
  void limitsRefuseANonPositiveSetting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MediaLimits.builder().maxPixels(0));
    assertEquals("maxPixels must be positive, got 0", e.getMessage());
  }

  @Test
  void detectDoesNotTrustANameOrExtensionBecauseItHasNone() {
    assertFalse(MediaInspector.detect("<html>".getBytes(StandardCharsets.US_ASCII)).isPresent());
  }
}
