package dev.contentcreator.functions.templates;

import com.google.gson.JsonElement;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.Template;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.core.templates.TemplateView;
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
        for (int i = 0; i < vars.get().getAsJsonArray().size(); i++) {
          variable(vars.get().getAsJsonArray().get(i), "variables[" + i + "]", body).ifPresent(variables::add);
        }
      }
    }
    body.finish();
    TemplateView t = s.templates().create(r.caller().uid(), projectId, name, kind.get(), text, variables);
    return ApiResponse.created("/api/templates/" + t.id(), t);
  }

  /**
   * One declared variable, read field by field like the body itself, so a null, a field of the
   * wrong type or a control character is a 400 naming {@code variables[i].field}, not a failure
   * further in.
   */
  private static Optional<Template.Variable> variable(JsonElement e, String at, JsonBody body) {
    if (!e.isJsonObject()) {
      body.reject(at, "must be an object {name, type, required, choices, defaultValue, maxLength}");
      return Optional.empty();
    }
    JsonBody v = JsonBody.of(e.getAsJsonObject());
    String name = v.requiredString("name", 1, 40);
    String type = v.requiredString("type", 1, 10);
    boolean required = v.bool("required").orElse(false);
    List<String> choices = v.strings("choices", MAX_CHOICES, MAX_VALUE).orElse(List.of());
    String defaultValue = v.string("defaultValue", 0, MAX_VALUE).orElse(null);
    int maxLength = v.integer("maxLength", 0, 1, MAX_VALUE);
    try {
      v.finish();
    } catch (ApiException refused) {
      refused.errors().forEach(fe -> body.reject(at + "." + fe.field(), fe.message()));
      return Optional.empty();
    }
    return Optional.of(new Template.Variable(name, type, required, choices, defaultValue,
        maxLength == 0 ? null : maxLength));
  }

  /** A variable's value, choice or default is at most a prompt long; a choice list is a menu, not a table. */
  private static final int MAX_VALUE = 4000;
  private static final int MAX_CHOICES = 100;
}
