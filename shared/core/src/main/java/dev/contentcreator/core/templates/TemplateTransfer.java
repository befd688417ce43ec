package dev.contentcreator.core.templates;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.Template;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.FieldError;
import dev.contentcreator.core.http.JsonBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Templates as JSON, read and written in one place: the body of a save ({@link #draft}) and the
 * export document, which import reads back:
 * <pre>
 * {"format": "content-creator.templates", "version": 1,
 *  "templates": [{"name": "...", "kind": "text", "body": "... {{topic}} ...",
 *                 "variables": [{"name": "topic", "label": "Topic", "type": "text", "required": true,
 *                                "default": null, "limits": {"maxLength": 200}}]}]}
 * </pre>
 * A variable's {@code limits} holds {@code maxLength} (text, long text), {@code min} and {@code max}
 * (number) or {@code options} (choice). The older flat fields {@code choices}, {@code defaultValue}
 * and {@code maxLength} are read too.
 */
public final class TemplateTransfer {
  public static final String FORMAT = "content-creator.templates";
  public static final int VERSION = 1;
  /** Templates one import may hold. */
  public static final int MAX_IMPORT = 50;
  static final int MAX_NAME = 100;
  static final int MAX_BODY = 4000;

  private TemplateTransfer() {}

  /** The export document of these templates. */
  static JsonObject export(List<Template> templates) {
    JsonObject doc = new JsonObject();
    doc.addProperty("format", FORMAT);
    doc.addProperty("version", VERSION);
    JsonArray list = new JsonArray();
    for (Template t : templates) {
      JsonObject o = new JsonObject();
      o.addProperty("name", t.name());
      o.addProperty("kind", t.kind().name().toLowerCase(Locale.ROOT));
      o.addProperty("body", t.body());
      JsonArray vars = new JsonArray();
      for (Template.Variable v : t.variables()) {
        JsonObject j = new JsonObject();
        j.addProperty("name", v.name());
        j.addProperty("label", v.label() == null ? v.name() : v.label());
        j.addProperty("type", v.type());
        j.addProperty("required", v.required());
        j.add("default", v.defaultValue() == null ? com.google.gson.JsonNull.INSTANCE : new JsonPrimitive(v.defaultValue()));
        JsonObject limits = new JsonObject();
        if (v.maxLength() != null) {
          limits.addProperty("maxLength", v.maxLength());
        }
        if (v.min() != null) {
          limits.addProperty("min", v.min());
        }
        if (v.max() != null) {
          limits.addProperty("max", v.max());
        }
        if (!v.choices().isEmpty()) {
          JsonArray options = new JsonArray();
          v.choices().forEach(options::add);
          limits.add("options", options);
        }
        j.add("limits", limits);
        vars.add(j);
      }
      o.add("variables", vars);
      list.add(o);
    }
    doc.add("templates", list);
    return doc;
  }

  /** Every template of an export document, each checked in full; 400 naming every field at fault, and nothing read. */
  static List<TemplateService.Draft> read(JsonObject document) {
    List<FieldError> errors = new ArrayList<>();
    JsonElement format = document.get("format");
    if (format == null || !format.isJsonPrimitive() || !FORMAT.equals(format.getAsString())) {
      errors.add(new FieldError("format", "must be \"" + FORMAT + "\""));
    }
    JsonElement version = document.get("version");
    if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()
        || version.getAsDouble() != VERSION) {
      errors.add(new FieldError("version", "must be " + VERSION + ", the only version this server reads"));
    }
    for (String key : document.keySet()) {
      if (!List.of("format", "version", "templates").contains(key)) {
        errors.add(new FieldError(key, "is not a field of a template export"));
      }
    }
    JsonElement templates = document.get("templates");
    List<TemplateService.Draft> out = new ArrayList<>();
    if (templates == null || !templates.isJsonArray() || templates.getAsJsonArray().isEmpty()
        || templates.getAsJsonArray().size() > MAX_IMPORT) {
      errors.add(new FieldError("templates", "must be a list of 1 to " + MAX_IMPORT + " templates"));
    } else {
      for (int i = 0; i < templates.getAsJsonArray().size(); i++) {
        JsonElement e = templates.getAsJsonArray().get(i);
        String at = "templates[" + i + "]";
        if (!e.isJsonObject()) {
          errors.add(new FieldError(at, "must be an object {name, kind, body, variables}"));
          continue;
        }
        JsonBody body = JsonBody.of(e.getAsJsonObject());
        Optional<TemplateService.Draft> d = draft(body, true);
        try {
          body.finish();
          if (d.isPresent()) {
            TemplateRules.check(d.get().body(), d.get().variables());
            out.add(d.get());
          }
        } catch (ApiException refused) {
          refused.errors().forEach(fe -> errors.add(new FieldError(at + "." + fe.field(), fe.message())));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest("The import is not a valid template export; nothing was imported.", errors);
    }
    return out;
  }

  /**
   * A template's name, kind, body and variables read from a request; problems are recorded on
   * {@code body} for its {@code finish()}. With {@code whole} each of the four is required.
   */
  public static Optional<TemplateService.Draft> draft(JsonBody body, boolean whole) {
    String name = whole ? body.requiredString("name", 1, MAX_NAME) : body.string("name", 1, MAX_NAME).orElse(null);
    Optional<ContentKind> kind = kind(body);
    if (kind.isEmpty()) {
      body.reject("kind", "is required: text, image or video");
    }
    String text = whole ? body.requiredString("body", 1, MAX_BODY) : body.string("body", 1, MAX_BODY).orElse(null);
    List<Template.Variable> variables = new ArrayList<>();
    Optional<JsonElement> vars = body.element("variables");
    if (vars.isPresent()) {
      if (!vars.get().isJsonArray() || vars.get().getAsJsonArray().size() > TemplateRules.MAX_VARIABLES) {
        body.reject("variables", "must be a list of at most " + TemplateRules.MAX_VARIABLES + " variables");
      } else {
        for (int i = 0; i < vars.get().getAsJsonArray().size(); i++) {
          variable(vars.get().getAsJsonArray().get(i), "variables[" + i + "]", body).ifPresent(variables::add);
        }
      }
    }
    if (name == null || kind.isEmpty() || text == null) {
      return Optional.empty();
    }
    return Optional.of(new TemplateService.Draft(name, kind.get(), text, variables));
  }

  private static Optional<ContentKind> kind(JsonBody body) {
    return body.string("kind", 1, 10).flatMap(k -> {
      try {
        return Optional.of(ContentKind.valueOf(k.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    });
  }

  /**
   * One declared variable, read field by field, so a null, a field of the wrong type or a control
   * character is a 400 naming {@code variables[i].field}, not a failure further in.
   */
  private static Optional<Template.Variable> variable(JsonElement e, String at, JsonBody body) {
    if (!e.isJsonObject()) {
      body.reject(at, "must be an object {name, label, type, required, default, limits}");
      return Optional.empty();
    }
    JsonBody v = JsonBody.of(e.getAsJsonObject());
    String name = v.requiredString("name", 1, 40);
    String label = v.string("label", 0, TemplateRules.MAX_LABEL).filter(s -> !s.isEmpty()).orElse(null);
    String type = v.requiredString("type", 1, 10);
    boolean required = v.bool("required").orElse(false);
    String initial = scalar(v, "default").or(() -> scalar(v, "defaultValue")).orElse(null);
    List<String> options = v.strings("choices", MAX_OPTIONS, MAX_VALUE).orElse(List.of());
    int flatMax = v.integer("maxLength", 0, 1, MAX_VALUE);
    Integer maxLength = flatMax == 0 ? null : flatMax;
    Double min = null;
    Double max = null;
    Optional<JsonObject> limits = v.object("limits");
    if (limits.isPresent()) {
      JsonBody l = JsonBody.of(limits.get());
      int lm = l.integer("maxLength", 0, 1, MAX_VALUE);
      maxLength = lm == 0 ? maxLength : Integer.valueOf(lm);
      min = number(l, "min");
      max = number(l, "max");
      List<String> o = l.strings("options", MAX_OPTIONS, MAX_VALUE).orElse(null);
      options = o == null ? options : o;
      try {
        l.finish();
      } catch (ApiException refused) {
        refused.errors().forEach(fe -> v.reject("limits." + fe.field(), fe.message()));
      }
    }
    try {
      v.finish();
    } catch (ApiException refused) {
      refused.errors().forEach(fe -> body.reject(at + "." + fe.field(), fe.message()));
      return Optional.empty();
    }
    return Optional.of(new Template.Variable(name, type, required, options, initial, maxLength, label, min, max));
  }

  /** A default written as a string, a number or true/false; the text the variable's value would be. */
  private static Optional<String> scalar(JsonBody v, String field) {
    Optional<JsonElement> e = v.element(field);
    if (e.isEmpty()) {
      return Optional.empty();
    }
    if (!e.get().isJsonPrimitive()) {
      v.reject(field, "must be a string, a number or true/false");
      return Optional.empty();
    }
    String s = e.get().getAsString();
    if (s.length() > MAX_VALUE || JsonBody.hasControl(s)) {
      v.reject(field, "must be at most " + MAX_VALUE + " characters, without control characters");
      return Optional.empty();
    }
    return Optional.of(s);
  }

  private static Double number(JsonBody l, String field) {
    Optional<JsonElement> e = l.element(field);
    if (e.isEmpty()) {
      return null;
    }
    if (!e.get().isJsonPrimitive() || !e.get().getAsJsonPrimitive().isNumber()
        || !Double.isFinite(e.get().getAsDouble())) {
      l.reject(field, "must be a number");
      return null;
    }
    return e.get().getAsDouble();
  }

  private static final int MAX_VALUE = 4000;
  private static final int MAX_OPTIONS = 100;
}
