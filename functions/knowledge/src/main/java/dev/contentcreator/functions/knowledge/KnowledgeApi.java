package dev.contentcreator.functions.knowledge;

import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.knowledge.KnowledgeDoc;
import dev.contentcreator.core.knowledge.KnowledgeService;
import dev.contentcreator.core.knowledge.KnowledgeSettings;
import dev.contentcreator.core.platform.Services;
import java.util.Locale;
import java.util.Map;

/**
 * The routes of a project's brand knowledge: list its documents, add one (the file as the body with
 * {@code ?name=}, or JSON {@code {"url": ...}} for a web page), read or delete one, and search its
 * passages. Request checks here, rules in {@link KnowledgeService}.
 */
public final class KnowledgeApi {
  private KnowledgeApi() {}

  public static Router router(Services s) {
    String docs = "/api/projects/{projectId}/knowledge";
    long max = s.platform().settings(KnowledgeSettings.class, KnowledgeSettings::from).maxUploadBytes();
    return Router.builder()
        .get(docs, r -> ApiResponse.ok(s.knowledge().list(r.caller().uid(), r.pathParam("projectId"),
            r.intQueryParam("limit", 50, 1, 100), r.queryParam("cursor").orElse(null))))
        .upload(docs, max, r -> {
          KnowledgeDoc doc = add(s, r);
          String at = docs.replace("{projectId}", r.pathParam("projectId")) + "/" + doc.id();
          return doc.status().equals(KnowledgeDoc.QUEUED) ? ApiResponse.accepted(at, doc) : ApiResponse.created(at, doc);
        })
        // Before {docId}: routes match in the order given.
        .get(docs + "/search", r -> {
          String q = r.queryParam("q").orElseThrow(() -> ApiException.badRequest("q", "is required"));
          return ApiResponse.ok(Map.of("items", s.knowledge().search(r.caller().uid(), r.pathParam("projectId"), q,
              r.intQueryParam("k", 5, 1, 20))));
        })
        .get(docs + "/{docId}", r -> ApiResponse.ok(s.knowledge().get(r.caller().uid(), r.pathParam("projectId"),
            r.pathParam("docId"))))
        .delete(docs + "/{docId}", r -> {
          s.knowledge().delete(r.caller().uid(), r.pathParam("projectId"), r.pathParam("docId"));
          return ApiResponse.noContent();
        })
        .build();
  }

  private static KnowledgeDoc add(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    String type = r.header("Content-Type").orElse("").toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
    if (type.equals("application/json")) {
      JsonBody body = r.json();
      String url = body.requiredString("url", 1, 2048);
      body.finish();
      return s.knowledge().addUrl(r.caller().uid(), projectId, url);
    }
    String name = r.queryParam("name").orElseThrow(() -> ApiException.badRequest("name",
        "is required: the document's file name, as ?name=brand-book.pdf"));
    return s.knowledge().upload(r.caller().uid(), projectId, name, r.rawBody());
  }
}
