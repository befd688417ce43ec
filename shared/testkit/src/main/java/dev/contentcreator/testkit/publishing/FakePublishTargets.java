package dev.contentcreator.testkit.publishing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server on loopback speaking the wire formats publishing connects to, for tests: a
 * WordPress site's REST API ({@code /wp-json/wp/v2}: {@code users/me}, {@code posts},
 * {@code media}, {@code tags}, HTTP Basic with an application password), a Mastodon instance's
 * ({@code /api/v1/accounts/verify_credentials}, {@code /api/v2/media} multipart,
 * {@code /api/v1/statuses} with {@code Idempotency-Key}, Bearer tokens) and a webhook receiver
 * ({@code /hook}). It keeps what was made, and faults can be queued per route: an error status,
 * or a slow answer (given before or after the request took effect: the second is the ambiguous
 * timeout where a client cannot know whether its post was made).
 */
public final class FakePublishTargets implements AutoCloseable {
  public static final String WP_USER = "editor";
  public static final String WP_PASSWORD = "abcd EFGH ijkl MNOP qrst UVWX";
  public static final String MASTODON_TOKEN = "mastodon-token-0123456789";

  /** One queued fault: a status to answer instead, or a delay before the answer (after the work when {@code afterWork}). */
  public record Fault(int status, Duration delay, boolean afterWork) {}

  private final HttpServer http;
  private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final List<JsonObject> posts = new CopyOnWriteArrayList<>();
  private final List<JsonObject> media = new CopyOnWriteArrayList<>();
  private final List<JsonObject> tags = new CopyOnWriteArrayList<>();
  private final List<JsonObject> statuses = new CopyOnWriteArrayList<>();
  private final List<JsonObject> mastodonMedia = new CopyOnWriteArrayList<>();
  private final List<JsonObject> hookMessages = new CopyOnWriteArrayList<>();
  private final Map<String, JsonObject> byIdempotencyKey = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger(100);
  /** When set, {@code GET posts} lists every post whatever its {@code slug} parameter (as a careless site might). */
  public volatile boolean ignoresSlugFilter;

  private FakePublishTargets() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    http.setExecutor(Executors.newFixedThreadPool(8));
    http.createContext("/", this::handle);
    http.start();
  }

  public static FakePublishTargets start() throws IOException {
    return new FakePublishTargets();
  }

  /** {@code http://127.0.0.1:<port>}: a WordPress site's and a Mastodon instance's address. */
  public String base() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  /** Queues a fault for the next request of {@code method path} (path without query). */
  public void fault(String method, String path, Fault fault) {
    faults.computeIfAbsent(method + " " + path, k -> new ConcurrentLinkedDeque<>()).add(fault);
  }

  public void failNext(String method, String path, int status) {
    fault(method, path, new Fault(status, Duration.ZERO, false));
  }

  /** The next request of {@code method path} takes effect, and its answer comes after {@code delay}. */
  public void slowAfterWork(String method, String path, Duration delay) {
    fault(method, path, new Fault(0, delay, true));
  }

  /** How many requests {@code method path} got, faults included. */
  public int hits(String method, String path) {
    AtomicInteger n = hits.get(method + " " + path);
    return n == null ? 0 : n.get();
  }

  public List<JsonObject> posts() {
    return List.copyOf(posts);
  }

  public List<JsonObject> media() {
    return List.copyOf(media);
  }

  public List<JsonObject> tags() {
    return List.copyOf(tags);
  }

  public List<JsonObject> statuses() {
    return List.copyOf(statuses);
  }

  public List<JsonObject> mastodonMedia() {
    return List.copyOf(mastodonMedia);
  }

  /** Each message the webhook receiver got: {@code id}, {@code timestamp}, {@code signature}, {@code body}. */
  public List<JsonObject> hookMessages() {
    return List.copyOf(hookMessages);
  }

  /** Adds a tag as if made earlier on the site. */
  public JsonObject addTag(String name) {
    JsonObject t = new JsonObject();
    t.addProperty("id", ids.incrementAndGet());
    t.addProperty("name", name);
    t.addProperty("slug", name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    tags.add(t);
    return t;
  }

  private record Answer(int status, String body) {}

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    String key = method + " " + path;
    hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    byte[] body = ex.getRequestBody().readAllBytes();
    Deque<Fault> queued = faults.get(key);
    Fault fault = queued == null ? null : queued.poll();
    if (fault != null && !fault.afterWork()) {
      sleep(fault.delay());
      if (fault.status() > 0) {
        answer(ex, new Answer(fault.status(), fault.status() == 401 ? wpOrMastodon401(path)
            : "{\"code\":\"internal_server_error\",\"message\":\"<p>There has been a critical error.</p>\",\"data\":{\"status\":"
                + fault.status() + "}}"));
        return;
      }
    }
    Answer a;
    try {
      a = route(ex, method, path, body);
    } catch (RuntimeException e) {
      a = new Answer(400, "{\"code\":\"rest_invalid_json\",\"message\":\"" + e.getClass().getSimpleName() + "\"}");
    }
    if (fault != null && fault.afterWork()) {
      sleep(fault.delay());
    }
    answer(ex, a);
  }

  private static String wpOrMastodon401(String path) {
    return path.startsWith("/wp-json") ? "{\"code\":\"incorrect_password\",\"message\":\"The provided password is an "
        + "invalid application password.\",\"data\":{\"status\":401}}" : "{\"error\":\"The access token is invalid\"}";
  }

  private Answer route(HttpExchange ex, String method, String path, byte[] body) {
    if (path.startsWith("/wp-json/wp/v2/")) {
      return wordpress(ex, method, path.substring("/wp-json/wp/v2/".length()), body);
    }
    if (path.startsWith("/api/")) {
      return mastodon(ex, method, path, body);
    }
    if (path.equals("/hook") && method.equals("POST")) {
      JsonObject m = new JsonObject();
      m.addProperty("id", ex.getRequestHeaders().getFirst("webhook-id"));
      m.addProperty("timestamp", ex.getRequestHeaders().getFirst("webhook-timestamp"));
      m.addProperty("signature", ex.getRequestHeaders().getFirst("webhook-signature"));
      m.addProperty("body", new String(body, StandardCharsets.UTF_8));
      hookMessages.add(m);
      return new Answer(200, "{\"id\":\"recv-" + hookMessages.size() + "\",\"url\":\"" + base() + "/received/"
          + hookMessages.size() + "\"}");
    }
    return new Answer(404, "{\"code\":\"rest_no_route\",\"message\":\"No route was found.\"}");
  }

  // ---- WordPress ----

  private Answer wordpress(HttpExchange ex, String method, String route, byte[] body) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String expected = "Basic " + Base64.getEncoder().encodeToString((WP_USER + ":" + WP_PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(auth)) {
      return new Answer(401, wpOrMastodon401("/wp-json"));
    }
    Map<String, String> query = query(ex.getRequestURI().getRawQuery());
    switch (method + " " + route) {
      case "GET users/me" -> {
        return new Answer(200, "{\"id\":1,\"name\":\"" + WP_USER + "\",\"slug\":\"" + WP_USER + "\"}");
      }
      case "GET posts" -> {
        JsonArray out = new JsonArray();
        String slug = query.get("slug");
        String status = query.getOrDefault("status", "publish");
        for (JsonObject p : posts) {
          if ((slug == null || ignoresSlugFilter || slug.equals(p.get("slug").getAsString()))
              && List.of(status.split(",")).contains(p.get("status").getAsString())) {
            out.add(p);
          }
        }
        return new Answer(200, out.toString());
      }
      case "POST media" -> {
        String disposition = ex.getRequestHeaders().getFirst("Content-Disposition");
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (disposition == null || !disposition.contains("filename=") || body.length == 0) {
          return new Answer(400, "{\"code\":\"rest_upload_no_content_disposition\",\"message\":\"No Content-Disposition "
              + "supplied.\",\"data\":{\"status\":400}}");
        }
        if (type == null || !type.startsWith("image/")) {
          return new Answer(400, "{\"code\":\"rest_upload_sideload_error\",\"message\":\"Sorry, you are not allowed to "
              + "upload this file type.\",\"data\":{\"status\":400}}");
        }
        JsonObject m = new JsonObject();
        int id = ids.incrementAndGet();
        m.addProperty("id", id);
        m.addProperty("media_type", "image");
        m.addProperty("mime_type", type);
        m.addProperty("bytes", body.length);
        m.addProperty("source_url", base() + "/wp-content/uploads/" + id);
        media.add(m);
        return new Answer(201, m.toString());
      }
      case "GET tags" -> {
        String search = query.getOrDefault("search", "").toLowerCase(Locale.ROOT);
        JsonArray out = new JsonArray();
        tags.stream().filter(t -> t.get("name").getAsString().toLowerCase(Locale.ROOT).contains(search)).forEach(out::add);
        return new Answer(200, out.toString());
      }
      case "POST tags" -> {
        String name = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject().get("name")
            .getAsString();
        for (JsonObject t : tags) {
          if (t.get("name").getAsString().equalsIgnoreCase(name)) {
            return new Answer(400, "{\"code\":\"term_exists\",\"message\":\"A term with the name provided already "
                + "exists in this taxonomy.\",\"data\":{\"status\":400,\"term_id\":" + t.get("id").getAsInt() + "}}");
          }
        }
        return new Answer(201, addTag(name).toString());
      }
      case "POST posts" -> {
        return createPost(body);
      }
      default -> {
        return new Answer(404, "{\"code\":\"rest_no_route\",\"message\":\"No route was found matching the URL and "
            + "request method.\",\"data\":{\"status\":404}}");
      }
    }
  }

  private synchronized Answer createPost(byte[] body) {
    JsonObject in = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
    String status = in.has("status") ? in.get("status").getAsString() : "draft";
    if (!List.of("publish", "future", "draft", "pending", "private").contains(status)) {
      return invalid("status");
    }
    if (!in.has("title") || !in.get("title").isJsonPrimitive() || !in.has("content")) {
      return invalid("title");
    }
    if (in.has("tags")) {
      for (JsonElement t : in.getAsJsonArray("tags")) {
        if (!t.isJsonPrimitive() || !t.getAsJsonPrimitive().isNumber()) {
          return new Answer(400, "{\"code\":\"rest_invalid_param\",\"message\":\"Invalid parameter(s): tags\","
              + "\"data\":{\"status\":400,\"params\":{\"tags\":\"tags[0] is not of type integer.\"}}}");
        }
      }
    }
    if (in.has("featured_media") && media.stream().noneMatch(m -> m.get("id").getAsInt()
        == in.get("featured_media").getAsInt())) {
      return invalid("featured_media");
    }
    int id = ids.incrementAndGet();
    JsonObject p = new JsonObject();
    p.addProperty("id", id);
    String slug = in.has("slug") ? in.get("slug").getAsString() : "post-" + id;
    p.addProperty("slug", slug);
    p.addProperty("status", status);
    p.addProperty("link", status.equals("publish") ? base() + "/" + slug + "/" : base() + "/?p=" + id);
    JsonObject title = new JsonObject();
    title.addProperty("raw", in.get("title").getAsString());
    title.addProperty("rendered", in.get("title").getAsString());
    p.add("title", title);
    JsonObject content = new JsonObject();
    content.addProperty("raw", in.get("content").getAsString());
    content.addProperty("rendered", in.get("content").getAsString());
    p.add("content", content);
    p.add("tags", in.has("tags") ? in.getAsJsonArray("tags") : new JsonArray());
    p.addProperty("featured_media", in.has("featured_media") ? in.get("featured_media").getAsInt() : 0);
    posts.add(p);
    return new Answer(201, p.toString());
  }

  private static Answer invalid(String param) {
    return new Answer(400, "{\"code\":\"rest_invalid_param\",\"message\":\"Invalid parameter(s): " + param
        + "\",\"data\":{\"status\":400}}");
  }

  // ---- Mastodon ----

  private Answer mastodon(HttpExchange ex, String method, String path, byte[] body) {
    if (!("Bearer " + MASTODON_TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      return new Answer(401, wpOrMastodon401(path));
    }
    switch (method + " " + path) {
      case "GET /api/v1/accounts/verify_credentials" -> {
        return new Answer(200, "{\"id\":\"1\",\"username\":\"studio\",\"acct\":\"studio\"}");
      }
      case "POST /api/v2/media" -> {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        String text = new String(body, StandardCharsets.ISO_8859_1);
        if (type == null || !type.startsWith("multipart/form-data; boundary=")
            || !text.contains("Content-Disposition: form-data; name=\"file\"; filename=")) {
          return new Answer(422, "{\"error\":\"Validation failed: File can't be blank\"}");
        }
        JsonObject m = new JsonObject();
        m.addProperty("id", Integer.toString(ids.incrementAndGet()));
        m.addProperty("type", "image");
        m.addProperty("url", base() + "/system/media/" + m.get("id").getAsString());
        m.addProperty("bytes", body.length);
        mastodonMedia.add(m);
        return new Answer(200, m.toString());
      }
      case "POST /api/v1/statuses" -> {
        return postStatus(ex, body);
      }
      default -> {
        return new Answer(404, "{\"error\":\"Record not found\"}");
      }
    }
  }

  private synchronized Answer postStatus(HttpExchange ex, byte[] body) {
    String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
    if (key != null && byIdempotencyKey.containsKey(key)) {
      return new Answer(200, byIdempotencyKey.get(key).toString());
    }
    String contentType = ex.getRequestHeaders().getFirst("Content-Type");
    JsonObject in = contentType != null && contentType.startsWith("application/json")
        ? JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject() : form(body);
    String status = in.has("status") ? in.get("status").getAsString() : "";
    boolean hasMedia = in.has("media_ids") && !in.getAsJsonArray("media_ids").isEmpty();
    if (status.isBlank() && !hasMedia) {
      return new Answer(422, "{\"error\":\"Validation failed: Text can't be blank\"}");
    }
    if (status.codePointCount(0, status.length()) > 500) {
      return new Answer(422, "{\"error\":\"Validation failed: Text character limit of 500 exceeded\"}");
    }
    if (hasMedia) {
      for (JsonElement id : in.getAsJsonArray("media_ids")) {
        if (mastodonMedia.stream().noneMatch(m -> m.get("id").getAsString().equals(id.getAsString()))) {
          return new Answer(422, "{\"error\":\"Validation failed: media_ids is invalid\"}");
        }
      }
    }
    JsonObject s = new JsonObject();
    String id = Integer.toString(ids.incrementAndGet());
    s.addProperty("id", id);
    s.addProperty("url", base() + "/@studio/" + id);
    s.addProperty("content", "<p>" + status + "</p>");
    s.addProperty("text", status);
    s.addProperty("visibility", in.has("visibility") ? in.get("visibility").getAsString() : "public");
    s.add("media_ids", hasMedia ? in.getAsJsonArray("media_ids") : new JsonArray());
    statuses.add(s);
    if (key != null) {
      byIdempotencyKey.put(key, s);
    }
    return new Answer(200, s.toString());
  }

  // ---- plumbing ----

  /** Form parameters as JSON; {@code name[]} parameters gather into an array under {@code name}. */
  private static JsonObject form(byte[] body) {
    JsonObject out = new JsonObject();
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (k.endsWith("[]")) {
        String name = k.substring(0, k.length() - 2);
        if (!out.has(name)) {
          out.add(name, new JsonArray());
        }
        out.getAsJsonArray(name).add(v);
      } else {
        out.addProperty(k, v);
      }
    }
    return out;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }

  private static void answer(HttpExchange ex, Answer a) throws IOException {
    byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    try {
      ex.sendResponseHeaders(a.status(), bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // the client gave up waiting
    } finally {
      ex.close();
    }
  }

  private static void sleep(Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Every post's slug, for tests that check one publication made one post. */
  public List<String> slugs() {
    List<String> out = new ArrayList<>();
    posts.forEach(p -> out.add(p.get("slug").getAsString()));
    return out;
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
