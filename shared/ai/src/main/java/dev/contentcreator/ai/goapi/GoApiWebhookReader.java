package dev.contentcreator.ai.goapi;

import dev.contentcreator.core.ports.ai.WebhookReader;
import java.util.Map;
import java.util.Objects;

/** GoAPI's webhook as the product's port sees it: the secret checked, the task's status read. */
public final class GoApiWebhookReader implements WebhookReader {
  private final GoApiWebhook webhook;

  public GoApiWebhookReader(String secret) {
    this.webhook = new GoApiWebhook(Objects.requireNonNull(secret, "secret"));
  }

  @Override
  public String provider() {
    return "goapi";
  }

  @Override
  public Result read(Map<String, String> headers, byte[] body) {
    GoApiWebhook.Result r = webhook.receive(headers.get(GoApiWebhook.SECRET_HEADER), body);
    if (r instanceof GoApiWebhook.Valid valid) {
      return new Result(valid.status(), null, false);
    }
    if (r instanceof GoApiWebhook.Malformed malformed) {
      return new Result(null, malformed.reason(), false);
    }
    return new Result(null, "the webhook secret is missing or wrong", true);
  }
}
