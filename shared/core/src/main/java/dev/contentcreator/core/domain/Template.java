package dev.contentcreator.core.domain;

import java.time.Instant;
import java.util.List;

/**
 * A prompt with typed variables, written {@code {{name}}} in its body. Three scopes: global
 * templates ship with the product ({@code projectId} and {@code ownerUid} null, read-only); a
 * project's editors add the project's own ({@code projectId} set); a person keeps a personal
 * library usable in all of their projects ({@code ownerUid} set). A deleted template is kept with
 * {@code deletedAt} so that batches made from it keep running; it is gone from every list and route.
 */
public record Template(
    String id,
    String projectId,
    String name,
    ContentKind kind,
    String body,
    List<Variable> variables,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version,
    String ownerUid,
    Instant deletedAt) {

  public Template {
    variables = variables == null ? List.of() : List.copyOf(variables);
  }

  /** A global or project template (no owner), not deleted. */
  public Template(String id, String projectId, String name, ContentKind kind, String body, List<Variable> variables,
      String createdBy, Instant createdAt, Instant updatedAt, long version) {
    this(id, projectId, name, kind, body, variables, createdBy, createdAt, updatedAt, version, null, null);
  }

  /** Where the template lives: {@code global}, {@code personal} or {@code project}. */
  public String scope() {
    return projectId != null ? "project" : ownerUid != null ? "personal" : "global";
  }

  /**
   * One variable. {@code type} is {@code text} (one line), {@code longText}, {@code number},
   * {@code choice} or {@code boolean} ({@code string}, the older name of {@code text}, is read as
   * it). Limits: {@code maxLength} for text and long text, {@code min}/{@code max} for a number,
   * {@code choices} for a choice. {@code label} is what a form shows (the name when null).
   */
  public record Variable(String name, String type, boolean required, List<String> choices, String defaultValue,
      Integer maxLength, String label, Double min, Double max) {
    public Variable {
      choices = choices == null ? List.of() : List.copyOf(choices);
      type = "string".equals(type) ? "text" : type;
    }

    public Variable(String name, String type, boolean required, List<String> choices, String defaultValue,
        Integer maxLength) {
      this(name, type, required, choices, defaultValue, maxLength, null, null, null);
    }
  }
}
