package dev.contentcreator.core.hooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an outbound webhook may be told of, by the name its body's {@code type} carries. Every type
 * but {@link #PING} may be subscribed to; a ping is sent only by the "send a test" action.
 * {@link #PUBLISH_SUCCEEDED} and {@link #PUBLISH_FAILED} are emitted by the publishing service when a
 * publication ends.
 */
public enum HookEventType {
  JOB_COMPLETED("job.completed", "a generation job ended (completed, failed or cancelled)"),
  ITEM_FAILED("item.failed", "one item of a generation job failed"),
  CONTENT_STATUS_CHANGED("content.status_changed", "a content item's review status changed"),
  COMMENT_ADDED("comment.added", "a comment was posted on a content item"),
  BATCH_RUN_COMPLETED("batch_run.completed", "the job of a batch run ended"),
  PUBLISH_SUCCEEDED("publish.succeeded", "a content item was published"),
  PUBLISH_FAILED("publish.failed", "publishing a content item failed"),
  PING("ping", "a test sent by hand");

  private final String wireName;
  private final String description;

  HookEventType(String wireName, String description) {
    this.wireName = wireName;
    this.description = description;
  }

  public String wireName() {
    return wireName;
  }

  public String description() {
    return description;
  }

  /** The type of a wire name, or empty. */
  public static Optional<HookEventType> of(String wireName) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
  }

  /** The wire names a subscription may list. */
  public static List<String> subscribable() {
    return Arrays.stream(values()).filter(t -> t != PING).map(HookEventType::wireName).toList();
  }
}
