package dev.contentcreator.core.projects;

import dev.contentcreator.core.domain.BrandVoice;
import dev.contentcreator.core.domain.Project;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.json.Inline;
import dev.contentcreator.core.json.OmitNulls;
import dev.contentcreator.core.usage.UsageView;
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

  /**
   * {@code GET /api/projects/{id}}: the project with this month's usage of it, so its members see
   * what it has used. Absent fields (a project with no brand voice) are left out, as this answer
   * always has.
   */
  @OmitNulls
  public record WithUsage(@Inline ProjectView project, UsageView usage) {}

  static ProjectView of(Project p, Role role) {
    return new ProjectView(p.id(), p.name(), p.description(), p.archived(), p.brandVoice(), p.createdBy(), p.createdAt(),
        p.updatedAt(), p.version(), role, p.batchRunsChargeCreator());
  }
}
