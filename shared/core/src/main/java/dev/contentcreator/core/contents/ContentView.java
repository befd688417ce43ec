package dev.contentcreator.core.contents;

import dev.contentcreator.core.domain.ContentItem;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.ReviewStatus;
import dev.contentcreator.core.json.OmitNulls;
import java.time.Instant;

/**
 * A content item as the API shows it ({@code Content} in docs/openapi.yaml), with its current
 * version where the answer has one (not in lists). Absent fields are left out.
 */
@OmitNulls
public record ContentView(String id, String projectId, ContentKind kind, String title, int currentVersion,
    int latestVersion, String preview, String jobId, boolean demo, String createdBy, Instant createdAt,
    Instant updatedAt, long version, ReviewStatus reviewStatus, VersionView current) {

  static ContentView of(ContentItem c, VersionView current) {
    return new ContentView(c.id(), c.projectId(), c.kind(), c.title(), c.currentVersion(), c.latestVersion(),
        c.preview(), c.jobId(), c.demo(), c.createdBy(), c.createdAt(), c.updatedAt(), c.version(), c.reviewStatus(), current);
  }
}
