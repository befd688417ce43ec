package dev.contentcreator.core.templates;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.Template;
import java.time.Instant;
import java.util.List;

/**
 * One saved state of a template ({@code TemplateVersion} in docs/openapi.yaml), kept in
 * {@code templateversions} under {@code <templateId>_<number>}. {@code projectId} and
 * {@code ownerUid} repeat the template's so that a project's purge or an account's removal finds
 * them; {@code restoredFrom} names the version a restore copied.
 */
public record TemplateVersion(String templateId, long number, String projectId, String ownerUid, String name,
    ContentKind kind, String body, List<Template.Variable> variables, String savedBy, Instant savedAt,
    Long restoredFrom) {

  public TemplateVersion {
    variables = variables == null ? List.of() : List.copyOf(variables);
  }

  static String documentId(String templateId, long number) {
    return templateId + "_" + number;
  }

  static TemplateVersion of(Template t, String savedBy, Long restoredFrom) {
    return new TemplateVersion(t.id(), t.version(), t.projectId(), t.ownerUid(), t.name(), t.kind(), t.body(),
        t.variables(), savedBy, t.updatedAt(), restoredFrom);
  }
}
