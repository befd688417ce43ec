package dev.contentcreator.core.ports.ai;

import java.util.List;
import java.util.Objects;

/**
 * What a provider made for one item: text, or media (bytes in hand, or an address to copy from at
 * once, since provider addresses expire), and what it cost in the provider's units.
 */
public record ItemResult(String provider, String model, String text, List<Media> media, Usage usage) {

  public ItemResult {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    media = List.copyOf(media);
    Objects.requireNonNull(usage, "usage");
  }

  /** One image or video: either {@code bytes} or {@code url} is set. */
  public record Media(String contentType, byte[] bytes, String url, Integer width, Integer height,
      Double durationSeconds) {}

  /** Units used: tokens in and out, images made, seconds of video made. */
  public record Usage(long inputTokens, long outputTokens, int images, double videoSeconds) {
    public static final Usage NONE = new Usage(0, 0, 0, 0);
  }
}
