package dev.contentcreator.core.publishing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.core.net.SafeFetcher;
import dev.contentcreator.core.ports.Publisher;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Publishes to a WordPress site through its REST API ({@code /wp-json/wp/v2}), signed in with a
 * user name and an application password (HTTP Basic). One publish: look for a post with this
 * publication's slug (a try after an ambiguous failure finds the first post and stops there);
 * upload the image to {@code /media} (raw bytes with Content-Disposition), find or make each tag
 * in {@code /tags}, then create the post in {@code /posts} with its title, HTML content, status
 * ({@code draft} or {@code publish}), slug, tags and {@code featured_media}.
 */
public final class WordPressPublisher implements Publisher {
  public static final String CHANNEL = "wordpress";
  private static final String SERVICE = "WordPress";
  private static final String CREDENTIALS = "the user name or application password";
  private static final String ANY_STATUS = "publish,future,draft,pending,private";
  private final PublishHttp http;

  public WordPressPublisher(java.util.function.Supplier<SafeFetcher> fetcher) {
    this.http = new PublishHttp(fetcher);
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public void check(Target target) throws PublishException {
    SafeFetcher.Reply r = http.call(SERVICE, "GET", api(target) + "/users/me?context=edit", headers(target, null), null);
    if (!PublishHttp.ok(r)) {
      throw PublishHttp.refused(SERVICE, "read its own profile", CREDENTIALS, r);
    }
  }

  @Override
  public Result publish(Target target, Post post) throws PublishException {
    String slug = slug(post.title(), post.key());
    SafeFetcher.Reply found = http.call(SERVICE, "GET", api(target) + "/posts?slug=" + enc(slug) + "&status="
        + enc(ANY_STATUS) + "&context=edit", headers(target, null), null);
    if (PublishHttp.ok(found)) {
      JsonElement list = PublishHttp.json(SERVICE, found);
      if (list.isJsonArray()) {
        // Only a post with exactly this slug is this publication's (a site may ignore the filter).
        for (JsonElement e : list.getAsJsonArray()) {
          if (e.isJsonObject() && slug.equals(PublishHttp.string(e.getAsJsonObject(), "slug"))) {
            return result(e.getAsJsonObject());
          }
        }
      }
    } else if (!lookupMissing(found)) {
      throw PublishHttp.refused(SERVICE, "list posts", CREDENTIALS, found);
    }
    Long media = post.image() == null ? null : upload(target, post.image());
    List<Long> tags = new ArrayList<>();
    for (String tag : post.tags()) {
      Long id = tag(target, tag);
      if (id != null && !tags.contains(id)) {
        tags.add(id);
      }
    }
    JsonObject body = new JsonObject();
    body.addProperty("title", post.title());
    body.addProperty("content", post.html());
    body.addProperty("status", post.draft() ? "draft" : "publish");
    body.addProperty("slug", slug);
    JsonArray tagIds = new JsonArray();
    tags.forEach(tagIds::add);
    body.add("tags", tagIds);
    if (media != null) {
      body.addProperty("featured_media", media);
    }
    SafeFetcher.Reply made = http.call(SERVICE, "POST", api(target) + "/posts", headers(target, "application/json"),
        body.toString().getBytes(StandardCharsets.UTF_8));
    if (!PublishHttp.ok(made)) {
      throw PublishHttp.refused(SERVICE, "create the post", CREDENTIALS, made);
    }
    return result(PublishHttp.object(SERVICE, made));
  }

  private long upload(Target target, Image image) throws PublishException {
    Map<String, String> h = headers(target, image.contentType());
    h.put("Content-Disposition", "attachment; filename=\"" + image.filename().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    SafeFetcher.Reply r = http.call(SERVICE, "POST", api(target) + "/media", h, image.bytes());
    if (!PublishHttp.ok(r)) {
      throw PublishHttp.refused(SERVICE, "upload the featured image", CREDENTIALS, r);
    }
    return id(PublishHttp.object(SERVICE, r), "the uploaded image");
  }

  /**
   * The id of the tag named {@code name}: found by search (exact name, any case) or made; null when
   * the site has no tags route (a site that turned tags off answers 404: the post goes without it).
   */
  private Long tag(Target target, String name) throws PublishException {
    SafeFetcher.Reply r = http.call(SERVICE, "GET", api(target) + "/tags?search=" + enc(name) + "&per_page=100",
        headers(target, null), null);
    if (r.status() == 404) {
      return null;
    }
    if (!PublishHttp.ok(r)) {
      throw PublishHttp.refused(SERVICE, "list tags", CREDENTIALS, r);
    }
    JsonElement list = PublishHttp.json(SERVICE, r);
    if (list.isJsonArray()) {
      for (JsonElement e : list.getAsJsonArray()) {
        if (e.isJsonObject() && name.equalsIgnoreCase(PublishHttp.string(e.getAsJsonObject(), "name"))) {
          return id(e.getAsJsonObject(), "a tag");
        }
      }
    }
    JsonObject body = new JsonObject();
    body.addProperty("name", name);
    SafeFetcher.Reply made = http.call(SERVICE, "POST", api(target) + "/tags", headers(target, "application/json"),
        body.toString().getBytes(StandardCharsets.UTF_8));
    if (PublishHttp.ok(made)) {
      return id(PublishHttp.object(SERVICE, made), "a new tag");
    }
    if (made.status() == 400) {
      // Made meanwhile, or a name the search did not match exactly: WordPress says which term it is.
      JsonObject error = PublishHttp.object(SERVICE, made);
      JsonElement data = error.get("data");
      if ("term_exists".equals(PublishHttp.string(error, "code")) && data != null && data.isJsonObject()
          && data.getAsJsonObject().has("term_id")) {
        return data.getAsJsonObject().get("term_id").getAsLong();
      }
    }
    throw PublishHttp.refused(SERVICE, "create the tag " + name, CREDENTIALS, made);
  }

  /**
   * Whether a failed lookup of the post by slug says only that the site cannot answer it (no such
   * route, a parameter it does not take): then the post is made, as on a first try. A refused
   * password, a refusal of the account, a 429 or a 5xx are failures of their own.
   */
  private static boolean lookupMissing(SafeFetcher.Reply r) {
    int s = r.status();
    return s >= 400 && s < 500 && s != 401 && s != 403 && s != 429;
  }

  private static Result result(JsonObject post) throws PublishException {
    return new Result(Long.toString(id(post, "the post")), PublishHttp.string(post, "link"));
  }

  private static long id(JsonObject o, String what) throws PublishException {
    JsonElement id = o.get("id");
    if (id == null || !id.isJsonPrimitive() || !id.getAsJsonPrimitive().isNumber()) {
      throw new PublishException(SERVICE + " answered without the id of " + what + ".", true, 0);
    }
    return id.getAsLong();
  }

  private static String api(Target target) {
    return PublishHttp.base(target.siteUrl()) + "/wp-json/wp/v2";
  }

  private static Map<String, String> headers(Target target, String contentType) {
    Map<String, String> h = new LinkedHashMap<>();
    String user = Objects.requireNonNullElse(target.username(), "");
    String password = Objects.requireNonNullElse(target.secret(), "");
    h.put("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8)));
    h.put("Accept", "application/json");
    if (contentType != null) {
      h.put("Content-Type", contentType);
    }
    return h;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * The post's slug: the title in lower-case ASCII words joined by dashes (at most 60 characters),
   * then ten hex digits of a hash of the publication's key, so the same publication always has the
   * same slug and two publications never share one.
   */
  static String slug(String title, String key) {
    String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (ascii.length() > 60) {
      ascii = ascii.substring(0, 60).replaceAll("-+$", "");
    }
    String mark = hash(key).substring(0, 10);
    return ascii.isEmpty() ? "post-" + mark : ascii + "-" + mark;
  }

  private static String hash(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
