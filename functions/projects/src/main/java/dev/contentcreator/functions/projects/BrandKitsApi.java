package dev.contentcreator.functions.projects;

import dev.contentcreator.core.brand.BrandKit;
import dev.contentcreator.core.brand.BrandKitService;
import dev.contentcreator.core.domain.BrandVoice;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.platform.Services;
import java.util.List;
import java.util.Optional;

/** The routes of {@code /api/projects/{projectId}/brandkits}: request checks here, rules in {@link BrandKitService}. */
final class BrandKitsApi {
  private BrandKitsApi() {}

  /** The list as the API answers it. */
  record Listing(List<BrandKit> items) {}

  static ApiResponse list(Services s, ApiRequest r) {
    return ApiResponse.ok(new Listing(s.brandKits().list(r.caller().uid(), r.pathParam("projectId"))));
  }

  static ApiResponse create(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    s.projects().requireRole(r.caller().uid(), projectId, Role.EDITOR);
    JsonBody body = r.json();
    String name = body.requiredString("name", 1, BrandKitService.MAX_NAME);
    BrandVoice voice = body.object("voice").map(o -> ProjectsApi.brandVoice(body, o, "voice")).orElse(BrandVoice.EMPTY);
    boolean makeDefault = body.bool("isDefault").orElse(false);
    body.finish();
    BrandKit kit = s.brandKits().create(r.caller().uid(), projectId, name.strip(), voice, makeDefault);
    return ApiResponse.created("/api/projects/" + projectId + "/brandkits/" + kit.id(), kit).etag(kit.version());
  }

  /** Name, voice (replaced whole), or {@code isDefault: true}; a default is unset by making another one. */
  static ApiResponse update(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    s.projects().requireRole(r.caller().uid(), projectId, Role.EDITOR);
    JsonBody body = r.json();
    Optional<String> name = body.string("name", 1, BrandKitService.MAX_NAME).map(String::strip);
    if (body.has("name") && name.isEmpty()) {
      body.reject("name", "cannot be removed");
    }
    Optional<BrandVoice> voice = body.object("voice").map(o -> ProjectsApi.brandVoice(body, o, "voice"));
    Optional<Boolean> makeDefault = body.bool("isDefault");
    if (makeDefault.isPresent() && !makeDefault.get()) {
      body.reject("isDefault", "make another kit the default instead");
    }
    body.finish();
    BrandKit kit = s.brandKits().update(r.caller().uid(), projectId, r.pathParam("kitId"),
        r.header("If-Match").orElse(null), name, voice, makeDefault.orElse(false));
    return ApiResponse.ok(kit).etag(kit.version());
  }

  static ApiResponse delete(Services s, ApiRequest r) {
    s.brandKits().delete(r.caller().uid(), r.pathParam("projectId"), r.pathParam("kitId"),
        r.header("If-Match").orElse(null));
    return ApiResponse.noContent();
  }
}
