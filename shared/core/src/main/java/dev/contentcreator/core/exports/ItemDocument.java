package dev.contentcreator.core.exports;

import java.time.Instant;
import java.util.Objects;

/**
 * What a document is made of: the item's title and kind, its text as Markdown (null for media),
 * its image (null for a text, or for a video, whose {@code mediaNote} says where to find it), the
 * project's name and style, and the style's logo as bytes (null when none or not an image).
 */
public record ItemDocument(String title, String kind, String markdown, Image image, String mediaNote,
    String projectName, ExportStyle style, Image logo, int version, Instant createdAt) {
  public ItemDocument {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(style, "style");
    projectName = projectName == null ? "" : projectName;
  }

  /** Image bytes with their media type and, where known, their size in pixels (0 when not). */
  public record Image(byte[] bytes, String contentType, int width, int height) {
    public Image {
      Objects.requireNonNull(bytes, "bytes");
      Objects.requireNonNull(contentType, "contentType");
    }
  }
}
