package dev.contentcreator.core.activity;

import java.util.Optional;

/**
 * What someone did, as the activity log names it ({@code content.edited}). The set is open: a new
 * kind of record is one more constant here (and one more value in docs/openapi.yaml's
 * {@code ActivityAction}).
 */
public enum ActivityAction {
  GENERATION_STARTED("generation.started"),
  CONTENT_CREATED("content.created"),
  CONTENT_REGENERATED("content.regenerated"),
  CONTENT_EDITED("content.edited"),
  CONTENT_RESTORED("content.restored"),
  CONTENT_RENAMED("content.renamed"),
  CONTENT_DELETED("content.deleted"),
  CONTENT_STATUS_CHANGED("content.status_changed"),
  MEMBER_INVITED("member.invited"),
  MEMBER_JOINED("member.joined"),
  MEMBER_ROLE_CHANGED("member.role_changed"),
  MEMBER_REVIEWER_CHANGED("member.reviewer_changed"),
  MEMBER_REMOVED("member.removed"),
  MEMBER_LEFT("member.left"),
  INVITATION_REVOKED("invitation.revoked"),
  BATCH_CREATED("batch.created"),
  BATCH_CHANGED("batch.changed"),
  BATCH_DELETED("batch.deleted"),
  BATCH_RUN_STARTED("batch.run_started"),
  PROJECT_RENAMED("project.renamed"),
  COMMENT_POSTED("comment.posted"),
  COMMENT_EDITED("comment.edited"),
  COMMENT_DELETED("comment.deleted"),
  COMMENT_RESOLVED("comment.resolved"),
  COMMENT_REOPENED("comment.reopened"),
  SHARE_CREATED("share.created"),
  SHARE_REVOKED("share.revoked"),
  PROVIDER_KEY_SET("provider.key_set"),
  PROVIDER_KEY_REMOVED("provider.key_removed");

  private final String wireName;

  ActivityAction(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<ActivityAction> parse(String s) {
    for (ActivityAction a : values()) {
      if (a.wireName.equals(s)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
