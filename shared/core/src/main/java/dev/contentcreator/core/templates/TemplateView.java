package dev.contentcreator.core.templates;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.Template;
import java.time.Instant;
import java.util.List;

/** A template as the API shows it ({@code Template} in docs/openapi.yaml); null projectId: a global one. */
public record TemplateView(String id, String projectId, String name, ContentKind kind, String body,
    List<Variable> variables, String createdBy, Instant createdAt, Instant updatedAt, long version) {

  /** One declared variable ({@code TemplateVariable} in docs/openapi.yaml). */
  public record Variable(String name, String type, boolean required, List<String> choices, String defaultValue,
      Integer maxLength) {}

  static TemplateView of(Template t) {
    return new TemplateView(t.id(), t.projectId(), t.name(), t.kind(), t.body(), t.variables().stream()
        .map(v -> new Variable(v.name(), v.type(), v.required(), v.choices(), v.defaultValue(), v.maxLength()))
        .toList(), t.createdBy(), t.createdAt(), t.updatedAt(), t.version());
  }
}
