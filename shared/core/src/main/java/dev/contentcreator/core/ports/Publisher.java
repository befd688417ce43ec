package dev.contentcreator.core.ports;

import java.util.List;
import java.util.Objects;

/**
 * The publishers port: one connector per kind of place a content item is published to (a WordPress
 * site, a webhook receiver, a Mastodon account). A connector speaks its service's wire format
 * through the safe fetcher, so every address it calls is checked and pinned.
 *
 * <p>A connector must not post one publication twice: {@link Post#key()} is the same on every try
 * of one publication, and a connector uses it so a try after an ambiguous failure (a timeout after
 * the request was sent) finds or replays the first post instead of making a second one (WordPress:
 * a slug made from the key, looked up before posting; Mastodon: the {@code Idempotency-Key} header;
 * a webhook: the same {@code webhook-id} for receivers to drop repeats).
 */
public interface Publisher {

  /** The channel's name on the wire and in stored connections: {@code wordpress}, {@code webhook}, {@code mastodon}. */
  String channel();

  /** Checks that the target answers and takes the credentials, posting nothing. */
  void check(Target target) throws PublishException;

  /** Publishes the post; the answer says where it now lives. */
  Result publish(Target target, Post post) throws PublishException;

  /**
   * Where and as whom to publish: the address a person gave (checked again at each call), a user
   * name where the channel has one, and the secret (an application password, an access token, a
   * signing secret), read from the secrets port for this call only and never logged.
   */
  record Target(String siteUrl, String username, String secret) {
    public Target {
      Objects.requireNonNull(siteUrl, "siteUrl");
    }

    @Override
    public String toString() {
      return "Target[" + siteUrl + ", " + username + ", secret hidden]";
    }
  }

  /**
   * What to publish: {@code key} (stable across tries of one publication), a title, the body as
   * Markdown and as HTML and as plain text, tags, an optional image, and whether to leave it a draft.
   */
  record Post(String key, String title, String markdown, String html, String plainText, List<String> tags,
      Image image, boolean draft) {
    public Post {
      Objects.requireNonNull(key, "key");
      title = title == null ? "" : title;
      markdown = markdown == null ? "" : markdown;
      html = html == null ? "" : html;
      plainText = plainText == null ? "" : plainText;
      tags = tags == null ? List.of() : List.copyOf(tags);
    }
  }

  /** An image's bytes, its media type and a file name for it. */
  record Image(byte[] bytes, String contentType, String filename) {
    public Image {
      Objects.requireNonNull(bytes, "bytes");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(filename, "filename");
    }
  }

  /** The post's id at the target and its public address (null when the target gives none). */
  record Result(String remoteId, String remoteUrl) {}

  /**
   * A publish or check that did not succeed. {@link #retryable()} says whether trying again later
   * may help (a 5xx or 429, a timeout, no connection) or not (a refused password, a bad request,
   * a refused address); {@link #getMessage()} is the reason a person reads, free of secrets.
   */
  final class PublishException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;
    private final int status;

    public PublishException(String reason, boolean retryable, int status) {
      super(Objects.requireNonNull(reason, "reason"));
      this.retryable = retryable;
      this.status = status;
    }

    public boolean retryable() {
      return retryable;
    }

    /** The HTTP status that caused it, or 0 when there was none. */
    public int status() {
      return status;
    }
  }
}
