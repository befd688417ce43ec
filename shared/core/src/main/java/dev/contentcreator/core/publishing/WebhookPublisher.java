package dev.contentcreator.core.publishing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.hooks.WebhookSignatures;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.net.SafeFetcher;
import dev.contentcreator.core.ports.Publisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Publishes to any receiver as a signed JSON message, signed as outbound webhooks are (Standard
 * Webhooks: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature} with the
 * connection's {@code whsec_} secret). The body's {@code type} is {@code content.publish} and its
 * {@code data} carries the title, HTML, Markdown, tags, draft flag and the image (base64). Every
 * try of one publication has the same {@code webhook-id}, so a receiver that drops ids it has seen
 * (as Standard Webhooks asks) takes it once. A 2xx answer publishes it; a JSON answer's {@code id}
 * and {@code url} are kept as where it now lives.
 */
public final class WebhookPublisher implements Publisher {
  public static final String CHANNEL = "webhook";
  private static final String SERVICE = "The webhook receiver";
  private final PublishHttp http;
  private final Clock clock;

  public WebhookPublisher(Supplier<SafeFetcher> fetcher, Clock clock) {
    this.http = new PublishHttp(fetcher);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public void check(Target target) throws PublishException {
    JsonObject data = new JsonObject();
    data.addProperty("test", true);
    SafeFetcher.Reply r = send(target, "msg_test_" + clock.millis(), "publish.test", data);
    if (!PublishHttp.ok(r)) {
      throw PublishHttp.refused(SERVICE, "take a test message", "the signature", r);
    }
  }

  @Override
  public Result publish(Target target, Post post) throws PublishException {
    JsonObject data = new JsonObject();
    data.addProperty("publicationId", post.key());
    data.addProperty("title", post.title());
    data.addProperty("html", post.html());
    data.addProperty("markdown", post.markdown());
    JsonArray tags = new JsonArray();
    post.tags().forEach(tags::add);
    data.add("tags", tags);
    data.addProperty("draft", post.draft());
    if (post.image() != null) {
      JsonObject image = new JsonObject();
      image.addProperty("contentType", post.image().contentType());
      image.addProperty("filename", post.image().filename());
      image.addProperty("base64", Base64.getEncoder().encodeToString(post.image().bytes()));
      data.add("image", image);
    }
    String messageId = "msg_pub_" + post.key();
    SafeFetcher.Reply r = send(target, messageId, "content.publish", data);
    if (!PublishHttp.ok(r)) {
      throw PublishHttp.refused(SERVICE, "take the content", "the signature", r);
    }
    String id = null;
    String url = null;
    try {
      JsonElement answer = JsonParser.parseString(new String(r.body(), StandardCharsets.UTF_8));
      if (answer.isJsonObject()) {
        id = PublishHttp.string(answer.getAsJsonObject(), "id");
        url = PublishHttp.string(answer.getAsJsonObject(), "url");
      }
    } catch (RuntimeException e) {
      // any 2xx body is fine; only a JSON one says where the content went
    }
    return new Result(id == null ? messageId : id, url);
  }

  private SafeFetcher.Reply send(Target target, String messageId, String type, JsonObject data) throws PublishException {
    long now = clock.instant().getEpochSecond();
    JsonObject envelope = new JsonObject();
    envelope.addProperty("type", type);
    envelope.addProperty("timestamp", Json.format(clock.instant()));
    envelope.add("data", data);
    byte[] body = envelope.toString().getBytes(StandardCharsets.UTF_8);
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.put("webhook-id", messageId);
    h.put("webhook-timestamp", Long.toString(now));
    if (target.secret() == null || !target.secret().startsWith(WebhookSignatures.SECRET_PREFIX)) {
      throw new PublishException("This connection's signing secret is missing; make the connection again.", false, 0);
    }
    h.put("webhook-signature", WebhookSignatures.header(List.of(target.secret()), messageId, now, body));
    return http.call(SERVICE, "POST", target.siteUrl().strip(), h, body);
  }
}
