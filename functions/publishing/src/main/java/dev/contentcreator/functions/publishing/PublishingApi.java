package dev.contentcreator.functions.publishing;

import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.core.publishing.PublishingService;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of publishing: a project's connections (owners make, test and delete them; members
 * list them, without secrets) and its content items' publications (editors publish now or at a
 * time, move, cancel and try again; members read them). Request checks here, rules in
 * {@link PublishingService}.
 */
public final class PublishingApi {
  private PublishingApi() {}

  public static Router router(Services s) {
    String connections = "/api/projects/{projectId}/connections";
    String connection = connections + "/{connectionId}";
    String ofContent = "/api/projects/{projectId}/contents/{contentId}/publications";
    String publications = "/api/projects/{projectId}/publications";
    String publication = publications + "/{publicationId}";
    return Router.builder()
        .get(connections, r -> ApiResponse.ok(Map.of("items", s.publishing().connections(r.caller().uid(),
            r.pathParam("projectId")))))
        .post(connections, r -> {
          var issued = s.publishing().createConnection(r.caller().uid(), r.pathParam("projectId"), connectionRequest(r));
          return ApiResponse.created(connections.replace("{projectId}", r.pathParam("projectId")) + "/"
              + issued.connection().id(), issued);
        }).sensitive()
        .delete(connection, r -> {
          s.publishing().deleteConnection(r.caller().uid(), r.pathParam("projectId"), r.pathParam("connectionId"));
          return ApiResponse.noContent();
        }).sensitive()
        .post(connection + "/test", r -> {
          emptyOrNoFields(r);
          return ApiResponse.ok(s.publishing().testConnection(r.caller().uid(), r.pathParam("projectId"),
              r.pathParam("connectionId")));
        })
        .get(ofContent, r -> ApiResponse.ok(s.publishing().ofContent(r.caller().uid(), r.pathParam("projectId"),
            r.pathParam("contentId"), r.intQueryParam("limit", 50, 1, 100), r.queryParam("cursor").orElse(null))))
        .post(ofContent, r -> {
          var p = s.publishing().publish(r.caller().uid(), r.pathParam("projectId"), r.pathParam("contentId"),
              publishRequest(r));
          return ApiResponse.created("/api/projects/" + r.pathParam("projectId") + "/publications/" + p.id(), p);
        })
        .get(publications, r -> ApiResponse.ok(s.publishing().ofProject(r.caller().uid(), r.pathParam("projectId"),
            r.intQueryParam("limit", 50, 1, 100), r.queryParam("cursor").orElse(null))))
        .get(publication, r -> ApiResponse.ok(s.publishing().get(r.caller().uid(), r.pathParam("projectId"),
            r.pathParam("publicationId"))))
        .patch(publication, r -> {
          JsonBody body = r.json();
          Optional<String> at = body.string("publishAt", 1, 64);
          if (at.isEmpty() && !body.has("publishAt")) {
            body.reject("publishAt", "is required");
          }
          body.finish();
          return ApiResponse.ok(s.publishing().reschedule(r.caller().uid(), r.pathParam("projectId"),
              r.pathParam("publicationId"), instant(at.orElseThrow())));
        })
        .delete(publication, r -> ApiResponse.ok(s.publishing().cancel(r.caller().uid(), r.pathParam("projectId"),
            r.pathParam("publicationId"))))
        .post(publication + "/retry", r -> {
          emptyOrNoFields(r);
          return ApiResponse.accepted("/api/projects/" + r.pathParam("projectId") + "/publications/"
              + r.pathParam("publicationId"), s.publishing().retry(r.caller().uid(), r.pathParam("projectId"),
              r.pathParam("publicationId")));
        })
        .build();
  }

  private static PublishingService.ConnectionRequest connectionRequest(ApiRequest r) {
    JsonBody body = r.json();
    String channel = body.requiredString("channel", 1, 32);
    String name = body.requiredString("name", 1, PublishingService.MAX_NAME);
    String url = body.requiredString("siteUrl", 1, PublishingService.MAX_URL);
    String username = body.string("username", 1, 200).orElse(null);
    String secret = body.string("secret", 1, PublishingService.MAX_SECRET).orElse(null);
    body.finish();
    return new PublishingService.ConnectionRequest(channel, name, url, username, secret);
  }

  private static PublishingService.PublishRequest publishRequest(ApiRequest r) {
    JsonBody body = r.json();
    String connectionId = body.requiredString("connectionId", 1, 128);
    String mode = body.string("mode", 1, 16).orElse(null);
    Optional<String> at = body.string("publishAt", 1, 64);
    List<String> tags = body.strings("tags", PublishingService.MAX_TAGS, PublishingService.MAX_TAG).orElse(null);
    String image = body.string("imageContentId", 1, 128).orElse(null);
    body.finish();
    return new PublishingService.PublishRequest(connectionId, mode, at.map(PublishingApi::instant).orElse(null), tags,
        image);
  }

  /** An ISO-8601 instant with an offset ({@code 2026-12-24T09:00:00+01:00} or {@code ...Z}). */
  private static Instant instant(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("publishAt", "must be a date and time with its offset, such as "
          + "2026-12-24T09:00:00+01:00");
    }
  }

  private static void emptyOrNoFields(ApiRequest r) {
    if (r.rawBody().length > 0) {
      r.json().finish();
    }
  }
}
