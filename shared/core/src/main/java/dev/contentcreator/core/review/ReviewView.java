package dev.contentcreator.core.review;

import dev.contentcreator.core.domain.ReviewStatus;
import dev.contentcreator.core.json.OmitNulls;
import java.time.Instant;

/** A change of review state as the API shows it ({@code Review} in docs/openapi.yaml). */
@OmitNulls
public record ReviewView(String id, String contentId, ReviewStatus from, ReviewStatus to, String note, By by,
    Instant at, int contentVersion, boolean automatic) {

  /** Who made the change. */
  @OmitNulls
  public record By(String uid, String name) {}

  static ReviewView of(Review r) {
    return new ReviewView(r.id(), r.contentId(), r.from(), r.to(), r.note(), new By(r.byUid(), r.byName()), r.at(),
        r.contentVersion(), r.automatic());
  }
}
