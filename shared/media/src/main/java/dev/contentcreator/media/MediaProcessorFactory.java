package dev.contentcreator.media;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.MediaProcessor;
import java.util.ArrayList;
import java.util.List;

/**
 * The media port on this module's processors, named {@code default}. Settings:
 * {@code MEDIA_MAX_IMAGE_BYTES} (32 MiB), {@code MEDIA_MAX_VIDEO_BYTES} (256 MiB),
 * {@code MEDIA_MAX_PIXELS} (50,000,000), {@code MEDIA_WEBP} (true: WebP where it can be written),
 * {@code MEDIA_WEBP_METHOD} (libwebp's method, 2) and {@code MEDIA_ENCODE_THREADS} (0: the processors, at
 * most 3).
 */
public final class MediaProcessorFactory implements PortFactory<MediaProcessor> {

  @Override
  public Class<MediaProcessor> port() {
    return MediaProcessor.class;
  }

  @Override
  public String name() {
    return "default";
  }

  @Override
  public MediaProcessor create(Config config) {
    MediaLimits limits = MediaLimits.builder()
        .maxImageBytes(config.get(Settings.MEDIA_MAX_IMAGE_BYTES))
        .maxVideoBytes(config.get(Settings.MEDIA_MAX_VIDEO_BYTES))
        .maxPixels(config.get(Settings.MEDIA_MAX_PIXELS))
        .build();
    boolean webp = config.get(Settings.MEDIA_WEBP);
    int method = config.get(Settings.MEDIA_WEBP_METHOD);
    int threads = config.get(Settings.MEDIA_ENCODE_THREADS);
    ImageProcessor.Builder imageBuilder = ImageProcessor.builder().limits(limits).preferWebp(webp).webpMethod(method);
    ImageProcessor images = (threads > 0 ? imageBuilder.encodeThreads(threads) : imageBuilder).build();
    VideoProcessor videos = VideoProcessor.builder().limits(limits).preferWebp(webp).webpMethod(method).build();
    return bytes -> {
      try {
        MediaType type = MediaInspector.detect(bytes).orElseThrow(() -> new MediaRejectedException(
            MediaRejectedException.Reason.UNSUPPORTED_TYPE,
            "This file is not an image or video we accept: send PNG, JPEG, WebP, GIF, MP4 or WebM."));
        return type.isImage() ? image(images.process(bytes)) : video(videos.process(bytes));
      } catch (MediaRejectedException e) {
        throw e.toApiException();
      }
    };
  }

  private static MediaProcessor.Processed image(ProcessedImage p) {
    List<MediaProcessor.Rendition> out = new ArrayList<>();
    out.add(rendition(p.web()));
    p.thumbnails().forEach(t -> out.add(rendition(t)));
    return new MediaProcessor.Processed(false, p.sourceType().contentType(), p.width(), p.height(), p.byteSize(),
        p.sha256(), p.dominantColor(), p.blurHash().orElse(null), null, out);
  }

  private static MediaProcessor.Processed video(ProcessedVideo p) {
    List<MediaProcessor.Rendition> out = new ArrayList<>();
    p.poster().ifPresent(poster -> out.add(rendition(poster)));
    return new MediaProcessor.Processed(true, p.type().contentType(), p.width(), p.height(), p.byteSize(), p.sha256(),
        null, null, p.duration().map(d -> d.toMillis() / 1000.0).orElse(null), out);
  }

  private static MediaProcessor.Rendition rendition(Rendition r) {
    String ext = switch (r.contentType()) {
      case "image/webp" -> "webp";
      case "image/jpeg" -> "jpg";
      case "image/gif" -> "gif";
      default -> "png";
    };
    return new MediaProcessor.Rendition(r.name(), r.contentType(), ext, r.width(), r.height(), r.bytes());
  }
}
