package dev.contentcreator.core.shares;

import dev.contentcreator.core.json.OmitNulls;
import dev.contentcreator.core.json.WriteNulls;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a share link shows its holder ({@code SharedPage} in docs/openapi.yaml): the label, the
 * permission, when it ends, and each item still in the project with its current version; media
 * addresses are the link's own ({@code /api/shares/<token>/media?...}), which need no account. No
 * project name, member or uid: the sharer chose the label the guest sees.
 */
@OmitNulls
public record SharedPage(String label, String permission, Instant expiresAt, List<Item> items) {

  /** One item as a guest sees it. */
  @OmitNulls
  public record Item(String id, String kind, String title, String reviewStatus, int version, String text,
      String contentType, Integer width, Integer height, Double durationSeconds, String mediaUrl,
      Map<String, String> renditions) {}

  /** The answer to a correct password: a guest session to send as {@code X-Share-Session}. */
  @WriteNulls
  public record Session(String session, Instant expiresAt) {}
}
