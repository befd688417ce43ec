package dev.contentcreator.core.domain;

import java.time.Instant;

/** A person's membership of a project, with their role. */
public record Member(
    String projectId,
    String uid,
    Role role,
    String email,
    String displayName,
    String addedBy,
    Instant addedAt,
    Instant projectCreatedAt) {

  /** The id of the membership document: one per (project, person). */
  public static String documentId(String projectId, String uid) {
    return projectId + "_" + uid;
  }
}
