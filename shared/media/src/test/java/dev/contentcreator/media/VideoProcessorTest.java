package dev.contentcreator.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoProcessorTest {
  private final VideoProcessor processor = VideoProcessor.builder().build();

  @Test
  void readsAnMp4sDurationSizeAndHash(@TempDir Path dir) {
    byte[] mp4 = Fixtures.mp4(160, 120, 30, 10, dir);
    ProcessedVideo video = processor.process(mp4);
    assertEquals(MediaType.MP4, video.type());
    assertEquals(Duration.ofSeconds(3), video.duration().orElseThrow());
    assertEquals(List.of(160, 120), List.of(video.width(), video.height()));
    assertEquals(ImageProcessor.sha256(mp4), video.sha256());
  }

  @Test
  void makesAPosterFromTheFirstFrameOfAnH264Mp4(@TempDir Path dir) throws Exception {
    Rendition poster = processor.process(Fixtures.mp4(160, 120, 5, 10, dir)).poster().orElseThrow();
    BufferedImage image = ImageIO.read(poster.openStream());
    assertEquals(List.of(160, 120), List.of(image.getWidth(), image.getHeight()));
    Color left = new Color(image.getRGB(40, 60));
    Color right = new Color(image.getRGB(120, 60));
    assertTrue(left.getBlue() > 200 && left.getRed() < 60, "left half is blue: " + left);
    assertTrue(right.getRed() > 200 && right.getGreen() > 200, "right half is white: " + right);
  }

  @Test
  void readsAWebmsDurationAndSizeButMakesNoPoster() {
    ProcessedVideo video = processor.process(Fixtures.webm(1280, 720, 4000.0));
    assertEquals(MediaType.WEBM, video.type());
    assertEquals(Duration.ofSeconds(4), video.duration().orElseThrow());
    assertEquals(List.of(1280, 720), List.of(video.width(), video.height()));
    assertTrue(video.poster().isEmpty());
  }

  @Test
  void refusesAnImageWith415() {
    MediaRejectedException e = assertThrows(MediaRejectedException.class,
        () -> processor.process(Fixtures.png(Fixtures.quadrants(20, 20))));
    assertEquals(415, e.status());
  }

  @Test
  void refusesAVideoOverItsByteLimitWith413(@TempDir Path dir) {
    VideoProcessor strict = VideoProcessor.builder().limits(MediaLimits.builder().maxVideoBytes(1000).build()).build();
    MediaRejectedException e = assertThrows(MediaRejectedException.class,
        () -> strict.process(Fixtures.mp4(160, 120, 30, 10, dir)));
    assertEquals(413, e.status());
  }
}
