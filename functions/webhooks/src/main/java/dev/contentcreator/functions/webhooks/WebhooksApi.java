package dev.contentcreator.functions.webhooks;

import dev.contentcreator.core.generation.Jobs;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.WebhookReader;
import dev.contentcreator.core.webhooks.CallbackUrls;
import java.util.Map;
import java.util.TreeMap;

/**
 * Provider webhooks. No Firebase token: the provider proves itself with the shared secret, checked
 * in constant time by the provider's reader, and the call must come to the signed, dated address
 * issued for the item whose task it reports ({@link CallbackUrls}). A finished task ends its item at once; the polling
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
    // The secret proves the sender; the signed, dated address proves the call is for an item we
    // asked about, recently. A call for another item's task is refused like a forged one.
    CallbackUrls callbacks = CallbackUrls.from(s.platform().config(), s.platform().clock())
        .orElseThrow(() -> ApiException.unauthorized("Callbacks are not accepted here."));
    String itemId = callbacks.verify(provider, r.queryParam("item"), r.queryParam("ts"), r.queryParam("sig"),
        r.rawBody());
    if (!isTaskOf(s, itemId, result.status().providerTaskId())) {
      throw ApiException.unauthorized("The callback address is not one this service issued for this task.");
    }
    try {
      boolean ended = s.runner().onStatus(result.status().providerTaskId(), result.status());
      return ApiResponse.ok(new Receipt(true, ended));
    } catch (ProviderException e) {
      // Copying the media failed for now; the polling task will finish the item.
      return ApiResponse.ok(new Receipt(true, false));
    }
  }

  /** The answer to a provider: the call was taken, and whether it ended the item. */
  record Receipt(boolean received, boolean ended) {}

  /** Whether the item the address was issued for is waiting on the task the body reports. */
  private static boolean isTaskOf(Services s, String itemId, String providerTaskId) {
    return s.platform().documents().get(Jobs.ITEMS, itemId).map(Jobs::item)
        .map(item -> providerTaskId != null && providerTaskId.equals(item.providerTaskId())).orElse(false);
  }
}
