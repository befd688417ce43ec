package dev.contentcreator.media;

/** The kinds of media the product accepts, each recognised from its first bytes. */
public enum MediaType {
  PNG("image/png", "png", Kind.IMAGE),
  JPEG("image/jpeg", "jpg", Kind.IMAGE),
  WEBP("image/webp", "webp", Kind.IMAGE),
  GIF("image/gif", "gif", Kind.IMAGE),
  MP4("video/mp4", "mp4", Kind.VIDEO),
  WEBM("video/webm", "webm", Kind.VIDEO);

  /** Whether a type is a still (or animated) image or a video. */
  public enum Kind { IMAGE, VIDEO }

  private final String contentType;
  private final String extension;
  private final Kind kind;

  MediaType(String contentType, String extension, Kind kind) {
    this.contentType = contentType;
    this.extension = extension;
    this.kind = kind;
  }

  public String contentType() { return contentType; }
  /** The file extension to store it under, without the dot. */
  public String extension() { return extension; }
  public Kind kind() { return kind; }
  public boolean isImage() { return kind == Kind.IMAGE; }
}
