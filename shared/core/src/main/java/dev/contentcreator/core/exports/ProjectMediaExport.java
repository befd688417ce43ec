package dev.contentcreator.core.exports;

import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.domain.ContentItem;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.ports.BlobStore;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.ProjectService;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A project's media as one ZIP: the current version of each of its images, then each of its videos,
 * newest first, numbered in that order and named by title ({@link MediaZip}), at most
 * {@link #MAX_ITEMS}. Viewers and up; a stranger gets the 404 of a project that does not exist.
 * Written as it is read, a page of items at a time, so neither the archive nor the item list is
 * held in memory.
 */
public final class ProjectMediaExport {
  /** The most items one archive holds; a project with more says so in {@code more.txt}. */
  public static final int MAX_ITEMS = 5_000;

  private final DocumentStore documents;
  private final ProjectService projects;
  private final Supplier<BlobStore> blobs;

  public ProjectMediaExport(DocumentStore documents, ProjectService projects, Supplier<BlobStore> blobs) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
  }

  /** Checks who asks before any byte is written; the body then reads and writes the media. */
  public RunExports.Prepared prepare(String uid, String projectId) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    String name = documents.get(ProjectService.PROJECTS, projectId).map(d -> d.data().get("name"))
        .filter(n -> n != null && n.isJsonPrimitive()).map(n -> n.getAsString()).orElse("");
    String slug = RunExports.slug(name, 60);
    return new RunExports.Prepared((slug.isEmpty() ? "project" : slug) + "-media.zip", "application/zip",
        out -> write(projectId, out));
  }

  private void write(String projectId, OutputStream out) throws IOException {
    int n = 0;
    boolean more = false;
    try (MediaZip zip = new MediaZip(out, blobs.get())) {
      for (String kind : List.of("image", "video")) {
        String cursor = null;
        do {
          Page page = documents.query(Query.on(ContentService.CONTENTS).whereEqualTo("projectId", projectId)
              .whereEqualTo("kind", kind).orderBy("createdAt", Query.Direction.DESCENDING).limit(Query.MAX_LIMIT)
              .startAfter(cursor).build());
          for (Document d : page.items()) {
            if (n >= MAX_ITEMS) {
              more = true;
              break;
            }
            ContentItem c = ContentService.content(d);
            ContentVersion v = documents.get(ContentService.VERSIONS, ContentVersion.documentId(c.id(), c.currentVersion()))
                .map(ContentService::version).orElse(null);
            if (v != null && v.blobKey() != null) {
              n++;
              zip.add(MediaZip.entryName(n, c.title(), v.contentType()), v.blobKey(), v.contentType());
            }
          }
          cursor = more ? null : page.nextCursor();
        } while (cursor != null);
      }
      if (more) {
        zip.note("more.txt", "This project has more than " + MAX_ITEMS + " images and videos; the archive holds the "
            + MAX_ITEMS + " newest images first, then videos. Download a batch run's media for the rest.\n");
      }
    }
  }
}
