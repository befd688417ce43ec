package dev.contentcreator.core.activity;

import dev.contentcreator.core.json.OmitNulls;
import java.time.Instant;
import java.util.Map;

/** A record of the activity log as the API shows it ({@code Activity} in docs/openapi.yaml). */
@OmitNulls
public record ActivityView(String id, String projectId, Instant at, Person actor, String action, Thing target,
    String contentId, Map<String, String> details) {

  /** Who did it; {@code uid} is {@code system} or {@code schedule} for the product's own work. */
  @OmitNulls
  public record Person(String uid, String name) {}

  /** What it was done to, with its title as it was then. */
  @OmitNulls
  public record Thing(String type, String id, String title) {}

  static ActivityView of(Activity a, String actorName) {
    return new ActivityView(a.id(), a.projectId(), a.at(), new Person(a.actorUid(), actorName), a.action(),
        new Thing(a.targetType(), a.targetId(), a.targetTitle()), a.contentId(), a.details());
  }
}
