package dev.contentcreator.functions.users;

import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.core.users.MeView;
import dev.contentcreator.core.users.UserView;
import java.net.URI;
import java.util.Optional;

/** The routes of {@code /api/me}. */
public final class UsersApi {
  private UsersApi() {}

  public static Router router(Services services) {
    return Router.builder()
        .get("/api/me", request -> me(services, request))
        .patch("/api/me", request -> update(services, request))
        .build();
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
    if (!hasName && !hasPhoto) {
      body.reject("body", "name at least one of displayName, photoUrl");
    }
    body.finish();
    UserView user = services.users().update(request.caller().uid(), request.header("If-Match").orElse(null),
        name, photo, hasName && name.isEmpty(), hasPhoto && photo.isEmpty());
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
