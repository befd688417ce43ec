package dev.contentcreator.core.publishing;

import com.google.gson.JsonObject;
import dev.contentcreator.core.net.SafeFetcher;
import dev.contentcreator.core.ports.Publisher;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Posts a status to a Mastodon account through its REST API, with an access token (Bearer) that
 * has the {@code write:statuses} and {@code write:media} scopes. The image, if any, is uploaded
 * first to {@code /api/v2/media} (multipart, field {@code file}); the status goes to
 * {@code /api/v1/statuses} as form parameters ({@code status}, {@code media_ids[]}, {@code visibility}) with an
 * {@code Idempotency-Key} made from the publication, so a try after an ambiguous failure is
 * answered with the first status, not a second one. Mastodon has no drafts. The text is the title,
 * the body as plain text and the tags as hashtags, cut to {@value #MAX_CHARS} characters.
 */
public final class MastodonPublisher implements Publisher {
  public static final String CHANNEL = "mastodon";
  public static final int MAX_CHARS = 500;
  private static final String SERVICE = "Mastodon";
  private static final String CREDENTIALS = "the access token";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final PublishHttp http;

  public MastodonPublisher(Supplier<SafeFetcher> fetcher) {
    this.http = new PublishHttp(fetcher);
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public void check(Target target) throws PublishException {
    SafeFetcher.Reply r = http.call(SERVICE, "GET", base(target) + "/api/v1/accounts/verify_credentials",
        headers(target, null), null);
    if (!PublishHttp.ok(r)) {
      throw PublishHttp.refused(SERVICE, "read its own account", CREDENTIALS, r);
    }
  }

  @Override
  public Result publish(Target target, Post post) throws PublishException {
    if (post.draft()) {
      throw new PublishException("Mastodon has no drafts; publish the status instead.", false, 0);
    }
    // Form parameters, as Mastodon's API documents them (status, media_ids[], visibility).
    StringBuilder form = new StringBuilder("status=").append(form(text(post))).append("&visibility=public");
    if (post.image() != null) {
      form.append("&").append(form("media_ids[]")).append("=").append(form(upload(target, post)));
    }
    Map<String, String> h = headers(target, "application/x-www-form-urlencoded");
    h.put("Idempotency-Key", post.key());
    SafeFetcher.Reply r = http.call(SERVICE, "POST", base(target) + "/api/v1/statuses", h,
        form.toString().getBytes(StandardCharsets.UTF_8));
    if (!PublishHttp.ok(r)) {
      throw PublishHttp.refused(SERVICE, "post the status", CREDENTIALS, r);
    }
    JsonObject status = PublishHttp.object(SERVICE, r);
    String id = PublishHttp.string(status, "id");
    if (id == null) {
      throw new PublishException(SERVICE + " answered without the status's id.", true, 0);
    }
    return new Result(id, PublishHttp.string(status, "url"));
  }

  private String upload(Target target, Post post) throws PublishException {
    Image image = post.image();
    String boundary = "cc" + HexFormat.of().formatHex(randomBytes());
    ByteArrayOutputStream out = new ByteArrayOutputStream(image.bytes().length + 512);
    String name = image.filename().replaceAll("[^A-Za-z0-9._-]", "_");
    write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: " + image.contentType() + "\r\n\r\n");
    out.writeBytes(image.bytes());
    String alt = post.title().length() > 1500 ? post.title().substring(0, 1500) : post.title();
    write(out, "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + alt + "\r\n--" + boundary + "--\r\n");
    SafeFetcher.Reply r = http.call(SERVICE, "POST", base(target) + "/api/v2/media",
        headers(target, "multipart/form-data; boundary=" + boundary), out.toByteArray());
    if (!PublishHttp.ok(r)) {
      throw PublishHttp.refused(SERVICE, "upload the image", CREDENTIALS, r);
    }
    String id = PublishHttp.string(PublishHttp.object(SERVICE, r), "id");
    if (id == null) {
      throw new PublishException(SERVICE + " answered without the image's id.", true, 0);
    }
    return id;
  }

  /** The status text: title, blank line, plain body, hashtags; cut with an ellipsis to fit. */
  static String text(Post post) {
    StringBuilder tags = new StringBuilder();
    for (String t : post.tags()) {
      String tag = t.replaceAll("[^\\p{L}\\p{N}_]", "");
      if (!tag.isEmpty()) {
        tags.append(tags.length() == 0 ? "" : " ").append('#').append(tag);
      }
    }
    String head = post.title().isBlank() ? post.plainText() : post.title() + (post.plainText().isBlank() ? ""
        : "\n\n" + post.plainText());
    String tail = tags.length() == 0 ? "" : "\n\n" + tags;
    int room = MAX_CHARS - tail.codePointCount(0, tail.length());
    if (head.codePointCount(0, head.length()) > room) {
      head = head.substring(0, head.offsetByCodePoints(0, Math.max(0, room - 1))).stripTrailing() + "…";
    }
    return head + tail;
  }

  private static Map<String, String> headers(Target target, String contentType) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Authorization", "Bearer " + Objects.requireNonNullElse(target.secret(), ""));
    h.put("Accept", "application/json");
    if (contentType != null) {
      h.put("Content-Type", contentType);
    }
    return h;
  }

  private static String base(Target target) {
    return PublishHttp.base(target.siteUrl());
  }

  private static String form(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    return b;
  }
}
