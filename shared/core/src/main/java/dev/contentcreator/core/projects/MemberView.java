package dev.contentcreator.core.projects;

import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.Role;
import java.time.Instant;

/**
 * A membership as the API shows it ({@code Member} in docs/openapi.yaml); {@code reviewer}: an
 * owner named them a reviewer of content.
 */
public record MemberView(String projectId, String uid, Role role, String email, String displayName, String addedBy,
    Instant addedAt, Instant projectCreatedAt, boolean reviewer) {

  public static MemberView of(Member m) {
    return new MemberView(m.projectId(), m.uid(), m.role(), m.email(), m.displayName(), m.addedBy(), m.addedAt(),
        m.projectCreatedAt(), m.reviewer());
  }
}
