package dev.contentcreator.core.exports;

import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.domain.ContentItem;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.ports.BlobStore;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.projects.ProjectService;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * A content item as one document in its project's {@link ExportStyle}: Markdown, HTML, DOCX or PDF
 * ({@link DocumentWriter}s). A text is its Markdown; an image is embedded; a video is named, with
 * its poster where there is one. Any version may be asked for; the current one otherwise. Viewers
 * and up; a stranger, or an item of another project, gets 404.
 */
public final class ItemExports {
  /** The largest image a document embeds; a bigger one is named instead. */
  public static final long MAX_IMAGE_BYTES = 20L * 1024 * 1024;
  /** The image types every format can hold as they are. */
  private static final List<String> PLAIN_IMAGES = List.of("image/png", "image/jpeg", "image/gif");

  private final DocumentStore documents;
  private final ProjectService projects;
  private final ContentService contents;
  private final ExportStyles styles;
  private final Supplier<BlobStore> blobs;
  private final Map<String, DocumentWriter> writers;

  public ItemExports(DocumentStore documents, ProjectService projects, ContentService contents, ExportStyles styles,
      Supplier<BlobStore> blobs, List<DocumentWriter> writers) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.contents = Objects.requireNonNull(contents, "contents");
    this.styles = Objects.requireNonNull(styles, "styles");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    Map<String, DocumentWriter> byName = new LinkedHashMap<>();
    for (DocumentWriter w : writers) {
      byName.putIfAbsent(w.format(), w);
    }
    this.writers = Map.copyOf(byName);
  }

  /** Markdown, and every writer on the class path ({@code documents} brings HTML, DOCX and PDF). */
  public static List<DocumentWriter> installedWriters() {
    List<DocumentWriter> out = new ArrayList<>();
    out.add(new MarkdownWriter());
    ServiceLoader.load(DocumentWriter.class, ItemExports.class.getClassLoader()).forEach(out::add);
    return out;
  }

  /** The formats this instance writes, e.g. {@code [md, html, docx, pdf]}. */
  public List<String> formats() {
    return writers.keySet().stream().sorted(Comparator.comparingInt(ItemExports::rank)).toList();
  }

  private static int rank(String format) {
    int i = List.of("md", "html", "docx", "pdf").indexOf(format);
    return i < 0 ? 99 : i;
  }

  /**
   * Checks who asks, the format and the version before any byte is written; the body then reads the
   * item's media and writes the document.
   */
  public RunExports.Prepared prepare(String uid, String projectId, String contentId, String format,
      Optional<Integer> version) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    DocumentWriter writer = format == null ? null : writers.get(format.toLowerCase(Locale.ROOT));
    if (writer == null) {
      throw ApiException.badRequest("format", "must be one of " + String.join(", ", formats()));
    }
    ContentItem item = contents.find(projectId, contentId);
    int number = version.orElse(item.currentVersion());
    ContentVersion v = documents.get(ContentService.VERSIONS, ContentVersion.documentId(contentId, number))
        .map(ContentService::version).orElseThrow(() -> ApiException.notFound("No such version."));
    ExportStyle style = styles.of(projectId);
    String projectName = documents.get(ProjectService.PROJECTS, projectId).map(d -> d.data().get("name"))
        .filter(n -> n != null && n.isJsonPrimitive()).map(n -> n.getAsString()).orElse("");
    String slug = RunExports.slug(item.title(), 60);
    String fileName = (slug.isEmpty() ? item.kind().name().toLowerCase(Locale.ROOT) : slug) + "-v" + number + "."
        + writer.format();
    return new RunExports.Prepared(fileName, writer.contentType(), out -> {
      writer.write(document(projectId, item, v, style, projectName), out);
      out.flush();
    });
  }

  private ItemDocument document(String projectId, ContentItem item, ContentVersion v, ExportStyle style,
      String projectName) throws IOException {
    ItemDocument.Image image = null;
    String note = null;
    if (item.kind() == ContentKind.IMAGE) {
      image = image(v);
      if (image == null) {
        note = "The image of this item could not be read.";
      }
    } else if (item.kind() == ContentKind.VIDEO) {
      image = poster(v);
      note = "A video (" + (v.contentType() == null ? "video" : v.contentType())
          + (v.durationSeconds() == null ? "" : ", " + Math.round(v.durationSeconds()) + " s")
          + "): download it from the project's gallery.";
    }
    return new ItemDocument(item.title(), item.kind().name().toLowerCase(Locale.ROOT),
        item.kind() == ContentKind.TEXT ? (v.text() == null ? "" : v.text()) : null, image, note, projectName, style,
        logo(projectId, style), v.number(), v.createdAt());
  }

  /** The version's image: the original if every format holds it, else a rendition that every format holds. */
  private ItemDocument.Image image(ContentVersion v) throws IOException {
    if (v.blobKey() == null) {
      return null;
    }
    if (!PLAIN_IMAGES.contains(v.contentType()) && v.media() != null) {
      for (String name : List.of("thumb-1024", "poster")) {
        String key = v.media().renditions().get(name);
        String type = v.media().renditionTypes().get(name);
        if (key != null && PLAIN_IMAGES.contains(type)) {
          return read(key, type, 0, 0);
        }
      }
    }
    return read(v.blobKey(), v.contentType(), v.width() == null ? 0 : v.width(), v.height() == null ? 0 : v.height());
  }

  private ItemDocument.Image poster(ContentVersion v) throws IOException {
    if (v.media() == null || !v.media().renditions().containsKey("poster")) {
      return null;
    }
    return read(v.media().renditions().get("poster"), v.media().renditionTypes().getOrDefault("poster", "image/jpeg"),
        0, 0);
  }

  /** The style's logo as an image, or null when none, deleted since, or unreadable. */
  private ItemDocument.Image logo(String projectId, ExportStyle style) throws IOException {
    if (style.logoContentId() == null) {
      return null;
    }
    Optional<ContentItem> logo = documents.get(ContentService.CONTENTS, style.logoContentId())
        .map(ContentService::content).filter(c -> c.projectId().equals(projectId) && c.kind() == ContentKind.IMAGE);
    if (logo.isEmpty()) {
      return null;
    }
    Optional<ContentVersion> v = documents.get(ContentService.VERSIONS,
        ContentVersion.documentId(logo.get().id(), logo.get().currentVersion())).map(ContentService::version);
    return v.isEmpty() ? null : image(v.get());
  }

  private ItemDocument.Image read(String key, String type, int width, int height) throws IOException {
    Optional<BlobStore.BlobInfo> info = blobs.get().stat(key);
    if (info.isEmpty() || info.get().size() > MAX_IMAGE_BYTES) {
      return null;
    }
    Optional<InputStream> in = blobs.get().open(key);
    if (in.isEmpty()) {
      return null;
    }
    try (InputStream s = in.get()) {
      return new ItemDocument.Image(s.readNBytes((int) MAX_IMAGE_BYTES + 1), type == null ? "application/octet-stream"
          : type, width, height);
    }
  }
}
