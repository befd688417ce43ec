package dev.contentcreator.core.projects;

import dev.contentcreator.core.domain.BrandVoice;
import dev.contentcreator.core.domain.Project;
import dev.contentcreator.core.domain.Role;
import java.time.Instant;

/** A project as its member sees it: its fields and the member's own role. */
public record ProjectView(
    String id,
    String name,
    String description,
    boolean archived,
    BrandVoice brandVoice,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version,
    Role role,
    boolean batchRunsChargeCreator) {

  static ProjectView of(Project p, Role role) {
    return new ProjectView(p.id(), p.name(), p.description(), p.archived(), p.brandVoice(), p.createdBy(), p.createdAt(),
        p.updatedAt(), p.version(), role, p.batchRunsChargeCreator());
  }
}
