package dev.contentcreator.core.exports;

import com.google.gson.JsonObject;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.ContentItem;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.projects.ProjectService;
import java.util.Objects;

/**
 * Each project's {@link ExportStyle}, one document per project in {@link #COLLECTION} under the
 * project's id. Members read it; owners change it. A logo must be an image item of the project;
 * once that item is deleted, documents are made without a logo.
 */
public final class ExportStyles {
  /** One document per project that changed its style, keyed by project id. */
  public static final String COLLECTION = "exportstyles";

  private final DocumentStore documents;
  private final ProjectService projects;
  private final ContentService contents;

  public ExportStyles(DocumentStore documents, ProjectService projects, ContentService contents) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.contents = Objects.requireNonNull(contents, "contents");
  }

  /** The project's style, for viewers and up. */
  public ExportStyle get(String uid, String projectId) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    return of(projectId);
  }

  /** The project's style with no check of who asks: for code that checked already. */
  public ExportStyle of(String projectId) {
    return documents.get(COLLECTION, projectId).map(d -> {
      JsonObject o = d.data();
      try {
        return new ExportStyle(str(o, "headingFont", ExportStyle.DEFAULT.headingFont()),
            str(o, "bodyFont", ExportStyle.DEFAULT.bodyFont()), str(o, "accentColor", ExportStyle.DEFAULT.accentColor()),
            str(o, "logoContentId", null), str(o, "footer", ""));
      } catch (IllegalArgumentException e) {
        return ExportStyle.DEFAULT; // written by a build with other choices: the default, never a failed export
      }
    }).orElse(ExportStyle.DEFAULT);
  }

  /** Replaces the project's style; owners only. The logo, when named, must be an image item of the project. */
  public ExportStyle put(String uid, String projectId, ExportStyle style) {
    Objects.requireNonNull(style, "style");
    projects.requireRole(uid, projectId, Role.OWNER);
    if (style.logoContentId() != null) {
      ContentItem logo;
      try {
        logo = contents.find(projectId, style.logoContentId());
      } catch (ApiException e) {
        throw ApiException.unprocessable("logoContentId", "must name an image item of this project");
      }
      if (logo.kind() != ContentKind.IMAGE) {
        throw ApiException.unprocessable("logoContentId", "must name an image item of this project");
      }
    }
    JsonObject o = new JsonObject();
    o.addProperty("projectId", projectId);
    o.addProperty("headingFont", style.headingFont());
    o.addProperty("bodyFont", style.bodyFont());
    o.addProperty("accentColor", style.accentColor());
    if (style.logoContentId() != null) {
      o.addProperty("logoContentId", style.logoContentId());
    }
    o.addProperty("footer", style.footer());
    documents.set(COLLECTION, projectId, o);
    return style;
  }

  private static String str(JsonObject o, String name, String fallback) {
    return o.has(name) && o.get(name).isJsonPrimitive() ? o.get(name).getAsString() : fallback;
  }
}
