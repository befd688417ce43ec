package dev.contentcreator.core.calendar;

import dev.contentcreator.core.domain.Role;
import java.util.Objects;

/**
 * A project whose entries a source is asked for, and who asks: {@code uid}, a member with
 * {@code role} (already capped by the API key that signed the request, if one did).
 */
public record CalendarProject(String uid, String id, String name, Role role) {
  public CalendarProject {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }

  /** Whether the asker may move this project's entries: editors and owners. */
  public boolean canEdit() {
    return role.atLeast(Role.EDITOR);
  }

  /** The web app's path of something of this project: {@code /projects/<id>/<rest>}. */
  public String link(String rest) {
    return "/projects/" + id + "/" + rest;
  }
}
