package dev.contentcreator.core.templates;

import com.google.gson.annotations.SerializedName;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.Template;
import java.time.Instant;
import java.util.List;

/**
 * A template as the API shows it ({@code Template} in docs/openapi.yaml): {@code scope} is
 * {@code global} (shipped, read-only), {@code personal} (the caller's library) or {@code project}.
 */
public record TemplateView(String id, String scope, String projectId, String name, ContentKind kind, String body,
    List<Variable> variables, String createdBy, Instant createdAt, Instant updatedAt, long version) {

  /**
   * One declared variable ({@code TemplateVariable} in docs/openapi.yaml). {@code choices},
   * {@code defaultValue} and {@code maxLength} repeat {@code limits.options}, {@code default} and
   * {@code limits.maxLength} for clients written before limits were grouped.
   */
  public record Variable(String name, String label, String type, boolean required,
      @SerializedName("default") String initial, Limits limits, List<String> choices, String defaultValue,
      Integer maxLength) {}

  /** A variable's limits; each only where its type has it. */
  public record Limits(Integer maxLength, Double min, Double max, List<String> options) {}

  static Variable variable(Template.Variable v) {
    return new Variable(v.name(), v.label() == null ? v.name() : v.label(), v.type(), v.required(), v.defaultValue(),
        new Limits(v.maxLength(), v.min(), v.max(), v.type().equals("choice") ? v.choices() : null),
        v.choices(), v.defaultValue(), v.maxLength());
  }

  static TemplateView of(Template t) {
    return new TemplateView(t.id(), t.scope(), t.projectId(), t.name(), t.kind(), t.body(),
        t.variables().stream().map(TemplateView::variable).toList(), t.createdBy(), t.createdAt(), t.updatedAt(),
        t.version());
  }
}
