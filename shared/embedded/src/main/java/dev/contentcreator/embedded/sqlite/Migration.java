package dev.contentcreator.embedded.sqlite;

import java.util.List;
import java.util.Objects;

/**
 * One versioned step of the schema: SQL statements run together, once, in version order. A step
 * that has shipped is never edited; a change is a new step with the next version.
 */
public record Migration(int version, String name, List<String> statements) {
  public Migration {
    if (version < 1) {
      throw new IllegalArgumentException("migration version must be at least 1, got: " + version);
    }
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("migration " + version + " needs a name");
    }
    statements = List.copyOf(statements);
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("migration " + version + " has no statements");
    }
  }
}
