package dev.contentcreator.core.domain;

import java.time.Instant;
import java.util.List;

/**
 * A prompt with typed variables, written {@code {{name}}} in its body. Global templates ship with
 * the product ({@code projectId} null); a project's editors add their own.
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
    long version) {

  public Template {
    variables = variables == null ? List.of() : List.copyOf(variables);
  }

  /** One variable: its type ({@code string}, {@code number} or {@code choice}), whether it is required. */
  public record Variable(String name, String type, boolean required, List<String> choices, String defaultValue,
      Integer maxLength) {
    public Variable {
      choices = choices == null ? List.of() : List.copyOf(choices);
    }
  }
}
