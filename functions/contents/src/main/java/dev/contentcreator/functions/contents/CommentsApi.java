package dev.contentcreator.functions.contents;

import dev.contentcreator.core.comments.Anchors;
import dev.contentcreator.core.comments.CommentService;
import dev.contentcreator.core.comments.CommentView;
import dev.contentcreator.core.domain.Anchor;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.platform.Services;
import java.util.List;
import java.util.Optional;

/**
 * The routes of comments on a content item, served by the contents function (they live under its
 * {@code /contents/**} rewrite): request checks here, rules in {@link CommentService}.
 */
final class CommentsApi {
  private static final int MAX_VERSION = 100_000;

  private CommentsApi() {}

  static Router.Builder routes(Router.Builder b, Services s) {
    String base = "/api/projects/{projectId}/contents/{contentId}/comments";
    return b
        .get(base, r -> ApiResponse.ok(s.comments().threads(r.caller().uid(), r.pathParam("projectId"),
            r.pathParam("contentId"), r.queryParam("version").map(v -> r.intQueryParam("version", 1, 1, MAX_VERSION)),
            resolved(r), r.intQueryParam("limit", 20, 1, 100), r.queryParam("cursor").orElse(null))))
        .post(base, r -> post(s, r))
        .patch(base + "/{commentId}", r -> {
          JsonBody body = r.json();
          String text = body.requiredString("body", 1, CommentService.MAX_BODY);
          Optional<List<String>> mentions = body.strings("mentions", CommentService.MAX_MENTIONS, 128);
          body.finish();
          return ApiResponse.ok(s.comments().edit(r.caller(), r.pathParam("projectId"), r.pathParam("contentId"),
              r.pathParam("commentId"), text, mentions));
        })
        .delete(base + "/{commentId}", r -> {
          s.comments().delete(r.caller().uid(), r.pathParam("projectId"), r.pathParam("contentId"),
              r.pathParam("commentId"));
          return ApiResponse.noContent();
        })
        .post(base + "/{commentId}/resolve", r -> resolve(s, r, true))
        .post(base + "/{commentId}/reopen", r -> resolve(s, r, false));
  }

  private static ApiResponse post(Services s, ApiRequest r) {
    JsonBody body = r.json();
    String text = body.requiredString("body", 1, CommentService.MAX_BODY);
    List<String> mentions = body.strings("mentions", CommentService.MAX_MENTIONS, 128).orElse(List.of());
    Optional<Anchor> anchor = Anchors.parse(body);
    Integer version = body.has("version") ? body.integer("version", 1, 1, MAX_VERSION) : null;
    Optional<String> parentId = body.string("parentId", 1, 128);
    body.finish();
    CommentService.Posted posted = s.comments().post(r.caller(), r.pathParam("projectId"), r.pathParam("contentId"),
        r.header("Idempotency-Key").orElse(null),
        new CommentService.NewComment(text, mentions, anchor.orElse(null), version, parentId.orElse(null)));
    CommentView c = posted.comment();
    return posted.created()
        ? ApiResponse.created("/api/projects/" + c.projectId() + "/contents/" + c.contentId() + "/comments/" + c.id(), c)
        : ApiResponse.ok(c);
  }

  private static ApiResponse resolve(Services s, ApiRequest r, boolean resolved) {
    if (r.rawBody().length > 0) {
      r.json().finish();
    }
    return ApiResponse.ok(s.comments().resolve(r.caller().uid(), r.pathParam("projectId"), r.pathParam("contentId"),
        r.pathParam("commentId"), resolved));
  }

  private static Optional<Boolean> resolved(ApiRequest r) {
    return r.queryParam("resolved").map(v -> switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiException.badRequest("resolved", "must be true or false");
    });
  }
}
