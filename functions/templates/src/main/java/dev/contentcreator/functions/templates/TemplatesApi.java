package dev.contentcreator.functions.templates;

import com.google.gson.JsonElement;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.Template;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.platform.Services;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The routes of templates: the global ones, and a project's own given {@code projectId}. */
public final class TemplatesApi {
  private TemplatesApi() {}

  public static Router router(Services s) {
    return Router.builder()
        .get("/api/templates", r -> ApiResponse.ok(Map.of("items",
            s.templates().list(r.caller().uid(), r.queryParam("projectId")))))
        .post("/api/templates", r -> create(s, r))
        .build();
  }

  private static ApiResponse create(Services s, ApiRequest r) {
    JsonBody body = r.json();
    String projectId = body.requiredString("projectId", 1, 128);
    String name = body.requiredString("name", 1, 100);
    Optional<ContentKind> kind = body.string("kind", 1, 10).flatMap(k -> {
      try {
        return Optional.of(ContentKind.valueOf(k.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    });
    if (kind.isEmpty()) {
      body.reject("kind", "is required: text, image or video");
    }
    String text = body.requiredString("body", 1, 4000);
    List<Template.Variable> variables = new ArrayList<>();
    Optional<JsonElement> vars = body.element("variables");
    if (vars.isPresent()) {
      if (!vars.get().isJsonArray() || vars.get().getAsJsonArray().size() > 30) {
        body.reject("variables", "must be a list of at most 30 variables");
      } else {
        for (JsonElement v : vars.get().getAsJsonArray()) {
          try {
            variables.add(Json.GSON.fromJson(v, Template.Variable.class));
          } catch (RuntimeException e) {
            body.reject("variables", "each variable is {name, type, required, choices, defaultValue, maxLength}");
            break;
          }
        }
      }
    }
    body.finish();
    Template t = s.templates().create(r.caller().uid(), projectId, name, kind.get(), text, variables);
    return ApiResponse.created("/api/templates/" + t.id(), t);
  }
}
