package dev.contentcreator.functions.invitations;

import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.invitations.InvitationService;
import dev.contentcreator.core.platform.Services;
import java.util.Optional;

/**
 * The routes of invitations: a project's owners list, revoke and resend them (inviting is
 * {@code POST /api/projects/{id}/members}); the invited person lists theirs and accepts or
 * declines. Request checks here, rules in {@link InvitationService}.
 */
public final class InvitationsApi {
  /** The accept link's secret: 43 URL-safe characters; a little room either way. */
  static final int TOKEN_MAX = 128;

  private InvitationsApi() {}

  public static Router router(Services services) {
    String project = "/api/projects/{projectId}/invitations";
    return Router.builder()
        .get(project, r -> ApiResponse.ok(services.invitations().ofProject(r.caller().uid(), r.pathParam("projectId"),
            r.intQueryParam("limit", 50, 1, InvitationService.MAX_PENDING), r.queryParam("cursor").orElse(null))))
        .post(project + "/{invitationId}/revoke", r -> {
          emptyOrNoFields(r);
          return ApiResponse.ok(services.invitations().revoke(r.caller().uid(), r.pathParam("projectId"),
              r.pathParam("invitationId")));
        }).sensitive().legacyAlias(project + "/{invitationId}:revoke")
        .post(project + "/{invitationId}/resend", r -> {
          emptyOrNoFields(r);
          return ApiResponse.ok(services.invitations().resend(r.caller(), r.pathParam("projectId"),
              r.pathParam("invitationId")));
        }).sensitive().legacyAlias(project + "/{invitationId}:resend")
        .get("/api/invitations", r -> ApiResponse.ok(services.invitations().mine(r.caller(),
            r.intQueryParam("limit", 50, 1, 100), r.queryParam("cursor").orElse(null))))
        .post("/api/invitations/{invitationId}/accept", r -> ApiResponse.ok(
            services.invitations().accept(r.caller(), r.pathParam("invitationId"), token(r)))).sensitive()
        .legacyAlias("/api/invitations/{invitationId}:accept")
        .post("/api/invitations/{invitationId}/decline", r -> {
          services.invitations().decline(r.caller(), r.pathParam("invitationId"), token(r));
          return ApiResponse.noContent();
        }).legacyAlias("/api/invitations/{invitationId}:decline")
        .build();
  }

  /** The link's secret, when the body gives one: {@code {"token": "..."}}; an empty body gives none. */
  private static Optional<String> token(ApiRequest r) {
    if (r.rawBody().length == 0) {
      return Optional.empty();
    }
    JsonBody body = r.json();
    Optional<String> token = body.string("token", 1, TOKEN_MAX);
    body.finish();
    return token;
  }

  private static void emptyOrNoFields(ApiRequest r) {
    if (r.rawBody().length > 0) {
      r.json().finish();
    }
  }
}
