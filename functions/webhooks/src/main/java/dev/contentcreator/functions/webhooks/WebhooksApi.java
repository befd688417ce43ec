package dev.contentcreator.functions.webhooks;

import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.WebhookReader;
import java.util.Map;
import java.util.TreeMap;

/**
 * Provider webhooks. No Firebase token: the provider proves itself with the shared secret, checked
 * in constant time by the provider's reader. A finished task ends its item at once; the polling
 * task stays as the fallback for webhooks that never come.
 */
public final class WebhooksApi {
  private WebhooksApi() {}

  public static Router router(Services s) {
    return Router.builder()
        .publicPost("/api/webhooks/{provider}", r -> receive(s, r))
        .build();
  }

  private static ApiResponse receive(Services s, ApiRequest r) {
    String provider = r.pathParam("provider");
    WebhookReader reader = s.platform().providers().webhook(provider)
        .orElseThrow(() -> ApiException.notFound("No webhook for " + provider + " here."));
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : new String[] {"x-webhook-secret", "content-type"}) {
      r.header(name).ifPresent(v -> headers.put(name, v));
    }
    WebhookReader.Result result = reader.read(headers, r.rawBody());
    if (result.unauthorized()) {
      throw ApiException.unauthorized("The webhook secret is missing or wrong.");
    }
    if (result.status() == null) {
      throw ApiException.badRequest("body", result.refusal() == null ? "is not a task status" : result.refusal());
    }
    try {
      boolean ended = s.runner().onStatus(result.status().providerTaskId(), result.status());
      return ApiResponse.ok(Map.of("received", true, "ended", ended));
    } catch (ProviderException e) {
      // Copying the media failed for now; the polling task will finish the item.
      return ApiResponse.ok(Map.of("received", true, "ended", false));
    }
  }
}
