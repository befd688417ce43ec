package dev.contentcreator.core.domain;

import java.time.Instant;

/**
 * A person's membership of a project, with their role, and whether an owner named them a reviewer
 * (who may approve content or ask for changes, whatever their role; false when never set).
 */
public record Member(
    String projectId,
    String uid,
    Role role,
    String email,
    String displayName,
    String addedBy,
    Instant addedAt,
    Instant projectCreatedAt,
    boolean reviewer) {

  /** A member who is not a reviewer. */
  public Member(String projectId, String uid, Role role, String email, String displayName, String addedBy,
      Instant addedAt, Instant projectCreatedAt) {
    this(projectId, uid, role, email, displayName, addedBy, addedAt, projectCreatedAt, false);
  }

  /** The name to show for this member: the display name, else the e-mail, else the uid. */
  public String shownName() {
    if (displayName != null && !displayName.isBlank()) {
      return displayName;
    }
    return email != null && !email.isBlank() ? email : uid;
  }

  /** The id of the membership document: one per (project, person). */
  public static String documentId(String projectId, String uid) {
    return projectId + "_" + uid;
  }
}
