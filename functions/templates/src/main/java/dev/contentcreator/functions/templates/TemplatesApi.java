package dev.contentcreator.functions.templates;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.core.templates.TemplateService;
import dev.contentcreator.core.templates.TemplateTransfer;
import dev.contentcreator.core.templates.TemplateView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of templates, twice: under {@code /api/templates} for the caller's personal library
 * (and the global ones), and under {@code /api/projects/{projectId}/templates} for a project's,
 * where the library and the global ones are seen too and "try it" runs. Request checks here, rules
 * in {@link TemplateService}.
 */
public final class TemplatesApi {
  private TemplatesApi() {}

  public static Router router(Services s) {
    Router.Builder b = Router.builder()
        .get("/api/templates", r -> ApiResponse.ok(Map.of("items",
            s.templates().list(r.caller().uid(), r.queryParam("projectId")))))
        .post("/api/templates", r -> createLegacyOrPersonal(s, r))
        .post("/api/templates/preview", r -> draftPreview(r));
    scoped(b, s, "/api/templates");
    String project = "/api/projects/{projectId}/templates";
    b.get(project, r -> ApiResponse.ok(Map.of("items", s.templates().list(r.caller().uid(), where(r)))))
        .post(project, r -> create(s, r, where(r)));
    scoped(b, s, project);
    b.post(project + "/{templateId}/try", r -> {
      var a = s.generation().tryTemplate(r.caller(), r.pathParam("projectId"), r.pathParam("templateId"),
          r.header("Idempotency-Key").orElse(null), rows(r));
      return ApiResponse.accepted("/api/projects/" + r.pathParam("projectId") + "/generations/" + a.jobId(), a.job())
          .header("Idempotent-Replayed", Boolean.toString(!a.created()));
    });
    return b.build();
  }

  /** The routes both scopes have, under {@code base}. */
  private static void scoped(Router.Builder b, Services s, String base) {
    String one = base + "/{templateId}";
    b.post(base + "/import", r -> {
          List<TemplateView> made = s.templates().importAll(r.caller().uid(), where(r), document(r));
          return ApiResponse.created(base(r, base), Map.of("items", made));
        })
        .get(base + "/export", r -> ApiResponse.ok(s.templates().exportAll(r.caller().uid(), where(r)))
            .header("Content-Disposition", "attachment; filename=\"templates.json\""))
        .get(one, r -> ApiResponse.ok(s.templates().view(r.caller().uid(), where(r), id(r))))
        .patch(one, r -> update(s, r))
        .delete(one, r -> {
          s.templates().delete(r.caller().uid(), where(r), id(r));
          return ApiResponse.noContent();
        }).sensitive()
        .post(one + "/duplicate", r -> {
          JsonBody body = r.json();
          String to = body.string("to", 1, 10).orElse(where(r).isPresent() ? "project" : "personal");
          if (!to.equals("project") && !to.equals("personal")) {
            body.reject("to", "must be personal or project");
          }
          Optional<String> name = body.string("name", 1, 100);
          body.finish();
          TemplateView t = s.templates().duplicate(r.caller().uid(), where(r), id(r), to.equals("project"), name);
          return ApiResponse.created(base(r, base) + "/" + t.id(), t);
        })
        .get(one + "/versions", r -> ApiResponse.ok(Map.of("items",
            s.templates().versions(r.caller().uid(), where(r), id(r)))))
        .get(one + "/versions/{version}", r -> ApiResponse.ok(s.templates().version(r.caller().uid(), where(r), id(r),
            number(r.pathParam("version")))))
        .post(one + "/versions/{version}/restore", r -> {
          JsonBody body = r.json();
          long basedOn = basedOn(body);
          body.finish();
          return ApiResponse.ok(s.templates().restore(r.caller().uid(), where(r), id(r), number(r.pathParam("version")),
              basedOn));
        })
        .get(one + "/diff", r -> {
          long from = r.intQueryParam("from", 0, 1, Integer.MAX_VALUE);
          long to = r.intQueryParam("to", 0, 1, Integer.MAX_VALUE);
          if (from == 0 || to == 0) {
            throw ApiException.badRequest(from == 0 ? "from" : "to", "is required: a version number");
          }
          return ApiResponse.ok(s.templates().diff(r.caller().uid(), where(r), id(r), from, to));
        })
        .post(one + "/preview", r -> {
          JsonBody body = r.json();
          Map<String, String> values = body.stringMap("values", 50, 4_000);
          body.finish();
          return ApiResponse.ok(s.templates().preview(r.caller().uid(), where(r), id(r), values));
        })
        .get(one + "/export", r -> ApiResponse.ok(s.templates().export(r.caller().uid(), where(r), id(r)))
            .header("Content-Disposition", "attachment; filename=\"template.json\""));
  }

  private static Optional<String> where(ApiRequest r) {
    return r.hasPathParam("projectId") ? Optional.of(r.pathParam("projectId")) : Optional.empty();
  }

  private static String id(ApiRequest r) {
    return r.pathParam("templateId");
  }

  private static String base(ApiRequest r, String base) {
    return where(r).map(p -> base.replace("{projectId}", p)).orElse(base);
  }

  /** {@code POST /api/templates}: with a {@code projectId} in the body (the older form) the project's, else the caller's library. */
  private static ApiResponse createLegacyOrPersonal(Services s, ApiRequest r) {
    JsonBody body = r.json();
    Optional<String> projectId = body.string("projectId", 1, 128);
    return create(s, r, body, projectId);
  }

  private static ApiResponse create(Services s, ApiRequest r, Optional<String> projectId) {
    return create(s, r, r.json(), projectId);
  }

  private static ApiResponse create(Services s, ApiRequest r, JsonBody body, Optional<String> projectId) {
    Optional<TemplateService.Draft> draft = TemplateTransfer.draft(body, true);
    body.finish();
    TemplateView t = s.templates().create(r.caller().uid(), projectId, draft.orElseThrow());
    String at = projectId.map(p -> "/api/projects/" + p + "/templates/").orElse("/api/templates/");
    return ApiResponse.created(at + t.id(), t);
  }

  /** A change: {@code basedOn} (the version it was made from) and any of name, kind, body, variables. */
  private static ApiResponse update(Services s, ApiRequest r) {
    JsonBody body = r.json();
    long basedOn = basedOn(body);
    TemplateView current = s.templates().view(r.caller().uid(), where(r), id(r));
    Optional<String> name = body.string("name", 1, 100);
    Optional<String> text = body.string("body", 1, 4000);
    Optional<ContentKind> kind = body.string("kind", 1, 10).flatMap(k -> {
      try {
        return Optional.of(ContentKind.valueOf(k.toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        body.reject("kind", "must be text, image or video");
        return Optional.empty();
      }
    });
    List<dev.contentcreator.core.domain.Template.Variable> variables = null;
    if (body.has("variables")) {
      JsonObject only = new JsonObject();
      only.addProperty("name", "x");
      only.addProperty("kind", "text");
      only.addProperty("body", "x");
      only.add("variables", body.element("variables").orElse(new com.google.gson.JsonArray()));
      JsonBody vars = JsonBody.of(only);
      Optional<TemplateService.Draft> read = TemplateTransfer.draft(vars, true);
      try {
        vars.finish();
        variables = read.orElseThrow().variables();
      } catch (ApiException refused) {
        refused.errors().forEach(fe -> body.reject(fe.field(), fe.message()));
      }
    }
    body.finish();
    TemplateService.Draft draft = new TemplateService.Draft(name.orElse(current.name()), kind.orElse(current.kind()),
        text.orElse(current.body()), variables != null ? variables
            : s.templates().readable(r.caller().uid(), where(r), id(r)).variables());
    return ApiResponse.ok(s.templates().update(r.caller().uid(), where(r), id(r), basedOn, draft));
  }

  private static long basedOn(JsonBody body) {
    int v = body.integer("basedOn", 0, 1, Integer.MAX_VALUE);
    if (v == 0 && !body.has("basedOn")) {
      body.reject("basedOn", "is required: the version your change was made from");
    }
    return v;
  }

  private static long number(String s) {
    // Written as the API writes it (no sign, no leading zero): another spelling is no version's.
    if (!s.matches("[1-9][0-9]{0,8}")) {
      throw ApiException.notFound("No such version of this template.");
    }
    return Long.parseLong(s);
  }

  /** The live preview of an unsaved template: its name, kind (both optional), body and variables, with {@code values}. */
  private static ApiResponse draftPreview(ApiRequest r) {
    JsonObject all = r.json().copy();
    JsonObject holder = new JsonObject();
    if (all.has("values")) {
      holder.add("values", all.remove("values"));
    }
    JsonBody valuesBody = JsonBody.of(holder);
    Map<String, String> values = valuesBody.stringMap("values", 50, 4_000);
    if (!all.has("name")) {
      all.addProperty("name", "Draft");
    }
    if (!all.has("kind")) {
      all.addProperty("kind", "text");
    }
    JsonBody draftBody = JsonBody.of(all);
    Optional<TemplateService.Draft> draft = TemplateTransfer.draft(draftBody, true);
    draftBody.finish();
    valuesBody.finish();
    return ApiResponse.ok(TemplateService.preview(draft.orElseThrow(), values));
  }

  private static JsonObject document(ApiRequest r) {
    return r.json().copy();
  }

  /** {@code rows}: a list of objects of values. */
  private static List<Map<String, String>> rows(ApiRequest r) {
    JsonBody body = r.json();
    List<Map<String, String>> out = new ArrayList<>();
    Optional<JsonElement> rows = body.element("rows");
    if (rows.isEmpty() || !rows.get().isJsonArray()) {
      body.reject("rows", "is required: a list of 1 to 3 objects of values");
    } else if (rows.get().getAsJsonArray().size() > 3) {
      body.reject("rows", "must be 1 to 3 rows; run more as a batch");
    } else {
      for (int i = 0; i < rows.get().getAsJsonArray().size(); i++) {
        JsonElement e = rows.get().getAsJsonArray().get(i);
        if (!e.isJsonObject()) {
          body.reject("rows[" + i + "]", "must be an object of values");
          continue;
        }
        JsonObject holder = new JsonObject();
        holder.add("v", e);
        JsonBody one = JsonBody.of(holder);
        Map<String, String> values = one.stringMap("v", 50, 4_000);
        try {
          one.finish();
        } catch (ApiException refused) {
          String at = "rows[" + i + "]";
          refused.errors().forEach(fe -> body.reject(at + fe.field().substring(1), fe.message()));
        }
        out.add(values);
      }
    }
    body.finish();
    return out;
  }
}
