package dev.contentcreator.functions.users;

import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.core.domain.User;
import dev.contentcreator.core.users.MeView;
import dev.contentcreator.core.users.UserView;
import java.net.URI;
import java.util.Optional;

/**
 * The routes of {@code /api/me}, the signed-in person's notifications and API keys, and the
 * development outbox.
 */
public final class UsersApi {
  private UsersApi() {}

  public static Router router(Services services) {
    return Router.builder()
        .get("/api/me", request -> me(services, request))
        .patch("/api/me", request -> update(services, request))
        .get("/api/me/notifications", r -> ApiResponse.ok(services.notifications().list(r.caller().uid(),
            unreadOnly(r), r.intQueryParam("limit", 20, 1, 100), r.queryParam("cursor").orElse(null))))
        .get("/api/me/notifications/unread", r -> ApiResponse.ok(services.notifications().unread(r.caller().uid())))
        .patch("/api/me/notifications/{notificationId}", r -> {
          JsonBody body = r.json();
          Optional<Boolean> read = body.bool("read");
          if (read.isEmpty()) {
            body.reject("read", "is required: true or false");
          }
          body.finish();
          return ApiResponse.ok(services.notifications().mark(r.caller().uid(), r.pathParam("notificationId"),
              read.orElseThrow()));
        })
        .post("/api/me/notifications/read-all", r -> {
          if (r.rawBody().length > 0) {
            r.json().finish();
          }
          return ApiResponse.ok(java.util.Map.of("updated", services.notifications().markAllRead(r.caller().uid())));
        })
        .get("/api/me/keys", r -> ApiResponse.ok(java.util.Map.of("items", services.keys().list(r.caller().uid()))))
        .post("/api/me/keys", r -> ApiResponse.created("/api/me/keys",
            services.keys().create(r.caller(), ApiKeys.request(r)))).sensitive()
        .post("/api/me/keys/{keyId}/revoke", r -> {
          if (r.rawBody().length > 0) {
            r.json().finish();
          }
          return ApiResponse.ok(services.keys().revoke(r.caller().uid(), r.pathParam("keyId")));
        }).sensitive()
        .delete("/api/me/keys/{keyId}", r -> {
          services.keys().revoke(r.caller().uid(), r.pathParam("keyId"));
          return ApiResponse.noContent();
        }).sensitive()
        .get("/api/dev/outbox", r -> ApiResponse.ok(java.util.Map.of("items",
            DevOutbox.list(services.platform(), r.caller(), r.intQueryParam("limit", 50, 1, 200)))))
        .build();
  }

  /** {@code unread=true} lists the unread notifications only; {@code false} or none, all of them. */
  private static Optional<Boolean> unreadOnly(ApiRequest r) {
    return r.queryParam("unread").flatMap(v -> switch (v) {
      case "true" -> Optional.of(false);
      case "false" -> Optional.<Boolean>empty();
      default -> throw dev.contentcreator.core.http.ApiException.badRequest("unread", "must be true or false");
    });
  }

  private static ApiResponse me(Services services, ApiRequest request) {
    UserView user = services.users().get(request.caller().uid());
    return ApiResponse.ok(new MeView(user, services.usage().ofUser(user.uid()), services.usage().limits()))
        .etag(user.version());
  }

  private static ApiResponse update(Services services, ApiRequest request) {
    JsonBody body = request.json();
    boolean hasName = body.has("displayName");
    boolean hasPhoto = body.has("photoUrl");
    Optional<String> name = body.string("displayName", 1, 100);
    Optional<String> photo = body.string("photoUrl", 1, 2048);
    photo.ifPresent(url -> {
      if (!isHttpsUrl(url)) {
        body.reject("photoUrl", "must be an https:// address");
      }
    });
    boolean hasEmail = body.has("emailNotifications");
    Optional<String> email = body.string("emailNotifications", 1, 20);
    if (hasEmail && (email.isEmpty() || !java.util.Set.of(User.EMAIL_ALL, User.EMAIL_MENTIONS, User.EMAIL_NONE)
        .contains(email.get()))) {
      body.reject("emailNotifications", "must be all, mentions or none");
    }
    if (!hasName && !hasPhoto && !hasEmail) {
      body.reject("body", "name at least one of displayName, photoUrl, emailNotifications");
    }
    body.finish();
    UserView user = services.users().update(request.caller().uid(), request.header("If-Match").orElse(null),
        name, photo, hasName && name.isEmpty(), hasPhoto && photo.isEmpty(), email);
    return ApiResponse.ok(user).etag(user.version());
  }

  private static boolean isHttpsUrl(String s) {
    try {
      URI uri = new URI(s);
      return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
