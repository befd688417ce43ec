package dev.contentcreator.functions.hooks;

import dev.contentcreator.core.hooks.HookService;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.platform.Services;
import java.util.List;

/**
 * The routes of a project's outbound webhooks, for its owners: list, make (the answer shows the
 * secret, once), read, change, delete, rotate the secret (the old one still signs for a while),
 * send a test, read the delivery log and send a delivery again. Request checks here, rules in
 * {@link HookService}.
 */
public final class HooksApi {
  private HooksApi() {}

  public static Router router(Services s) {
    String hooks = "/api/projects/{projectId}/hooks";
    String hook = hooks + "/{hookId}";
    return Router.builder()
        .get(hooks, r -> ApiResponse.ok(s.hooks().list(r.caller().uid(), r.pathParam("projectId"),
            r.intQueryParam("limit", 50, 1, 100), r.queryParam("cursor").orElse(null))))
        .post(hooks, r -> {
          var issued = s.hooks().create(r.caller().uid(), r.pathParam("projectId"), request(r, true));
          return ApiResponse.created(hooks.replace("{projectId}", r.pathParam("projectId")) + "/"
              + issued.hook().id(), issued);
        }).sensitive()
        .get(hook, r -> ApiResponse.ok(s.hooks().get(r.caller().uid(), r.pathParam("projectId"), r.pathParam("hookId"))))
        .patch(hook, r -> ApiResponse.ok(s.hooks().update(r.caller().uid(), r.pathParam("projectId"),
            r.pathParam("hookId"), request(r, false)))).sensitive()
        .delete(hook, r -> {
          s.hooks().delete(r.caller().uid(), r.pathParam("projectId"), r.pathParam("hookId"));
          return ApiResponse.noContent();
        }).sensitive()
        .post(hook + "/rotate", r -> {
          emptyOrNoFields(r);
          return ApiResponse.ok(s.hooks().rotate(r.caller().uid(), r.pathParam("projectId"), r.pathParam("hookId")));
        }).sensitive()
        .post(hook + "/test", r -> {
          emptyOrNoFields(r);
          var d = s.hooks().test(r.caller().uid(), r.pathParam("projectId"), r.pathParam("hookId"));
          return ApiResponse.accepted(deliveries(r), d);
        })
        .get(hook + "/deliveries", r -> ApiResponse.ok(s.hooks().deliveries(r.caller().uid(), r.pathParam("projectId"),
            r.pathParam("hookId"), r.intQueryParam("limit", 50, 1, 100), r.queryParam("cursor").orElse(null))))
        .post(hook + "/deliveries/{deliveryId}/resend", r -> {
          emptyOrNoFields(r);
          var d = s.hooks().resend(r.caller().uid(), r.pathParam("projectId"), r.pathParam("hookId"),
              r.pathParam("deliveryId"));
          return ApiResponse.accepted(deliveries(r), d);
        })
        .build();
  }

  private static HookService.Request request(ApiRequest r, boolean creating) {
    JsonBody body = r.json();
    String url = creating ? body.requiredString("url", 1, HookService.MAX_URL)
        : body.string("url", 1, HookService.MAX_URL).orElse(null);
    List<String> events = body.strings("events", 20, 64).orElse(null);
    if (creating && events == null && !body.has("events")) {
      body.reject("events", "is required");
    }
    String description = body.string("description", 0, HookService.MAX_DESCRIPTION).orElse(null);
    Boolean enabled = body.bool("enabled").orElse(null);
    body.finish();
    return new HookService.Request(url, events, description, enabled);
  }

  private static String deliveries(ApiRequest r) {
    return "/api/projects/" + r.pathParam("projectId") + "/hooks/" + r.pathParam("hookId") + "/deliveries";
  }

  private static void emptyOrNoFields(ApiRequest r) {
    if (r.rawBody().length > 0) {
      r.json().finish();
    }
  }
}
