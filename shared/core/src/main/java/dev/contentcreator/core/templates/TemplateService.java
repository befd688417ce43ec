package dev.contentcreator.core.templates;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.domain.Template;
import dev.contentcreator.core.domain.Template.Variable;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.FieldError;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.ProjectService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompt templates: the global ones that ship with the product and each project's own. A template's
 * body names its variables as {@code {{name}}}; rendering checks each value against its type.
 */
public final class TemplateService {
  public static final String COLLECTION = "templates";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]{0,39})\\s*}}");
  private static final Instant SHIPPED = Instant.parse("2026-11-26T00:00:00Z");

  /** The templates every project has. */
  public static final List<Template> GLOBAL = List.of(
      new Template("global-product-description", null, "Product description", ContentKind.TEXT,
          "Write a product description of {{product}} for {{audience}}. Mention: {{features}}. "
              + "Length: about {{words}} words.",
          List.of(new Variable("product", "string", true, null, null, 200),
              new Variable("audience", "string", false, null, "online shoppers", 200),
              new Variable("features", "string", false, null, "its main benefits", 1000),
              new Variable("words", "number", false, null, "120", null)),
          null, SHIPPED, SHIPPED, 1),
      new Template("global-social-post", null, "Social post", ContentKind.TEXT,
          "Write a {{network}} post about {{topic}}. End with a call to action.",
          List.of(new Variable("network", "choice", true, List.of("LinkedIn", "Instagram", "X", "Facebook"), "LinkedIn", null),
              new Variable("topic", "string", true, null, null, 500)),
          null, SHIPPED, SHIPPED, 1),
      new Template("global-blog-outline", null, "Blog post outline", ContentKind.TEXT,
          "Outline a blog post titled \"{{title}}\" with {{sections}} sections, each with two key points.",
          List.of(new Variable("title", "string", true, null, null, 200),
              new Variable("sections", "number", false, null, "5", null)),
          null, SHIPPED, SHIPPED, 1),
      new Template("global-hero-image", null, "Hero image", ContentKind.IMAGE,
          "A {{style}} hero image of {{subject}}, soft light, plenty of empty space for a headline",
          List.of(new Variable("subject", "string", true, null, null, 300),
              new Variable("style", "choice", false, List.of("photographic", "illustrated", "3D render", "watercolour"),
                  "photographic", null)),
          null, SHIPPED, SHIPPED, 1));

  private final DocumentStore documents;
  private final ProjectService projects;
  private final Clock clock;

  public TemplateService(DocumentStore documents, ProjectService projects, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The global templates and, given a project the caller may read, that project's. */
  public List<Template> list(String uid, Optional<String> projectId) {
    List<Template> out = new ArrayList<>(GLOBAL);
    if (projectId.isPresent()) {
      projects.requireRole(uid, projectId.get(), Role.VIEWER);
      documents.query(Query.on(COLLECTION).whereEqualTo("projectId", projectId.get())
              .orderBy("createdAt", Query.Direction.ASCENDING).limit(Query.MAX_LIMIT).build())
          .items().forEach(d -> out.add(Json.fromTree(d.data(), Template.class)));
    }
    return out;
  }

  /** A template the caller may use in this project: a global one, or one of the project's. */
  public Template get(String uid, String projectId, String templateId) {
    for (Template t : GLOBAL) {
      if (t.id().equals(templateId)) {
        return t;
      }
    }
    projects.requireRole(uid, projectId, Role.VIEWER);
    if (!Ids.isWellFormed(templateId)) {
      throw ApiException.unprocessable("templateId", "no such template in this project");
    }
    return documents.get(COLLECTION, templateId).map(d -> Json.fromTree(d.data(), Template.class))
        .filter(t -> projectId.equals(t.projectId()))
        .orElseThrow(() -> ApiException.unprocessable("templateId", "no such template in this project"));
  }

  /** Adds a template to a project; editors and owners may. */
  public Template create(String uid, String projectId, String name, ContentKind kind, String body,
      List<Variable> variables) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    check(body, variables);
    Instant now = clock.instant();
    Template t = new Template(Ids.newId(), projectId, name, kind, body, variables, uid, now, now, 1);
    documents.create(COLLECTION, t.id(), Json.toTree(t).getAsJsonObject());
    return t;
  }

  /** Checks that the body's placeholders and the declared variables are the same set, each well typed. */
  static void check(String body, List<Variable> variables) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> declared = new HashSet<>();
    for (int i = 0; i < variables.size(); i++) {
      Variable v = variables.get(i);
      String at = "variables[" + i + "]";
      if (v.name() == null || !v.name().matches("[A-Za-z][A-Za-z0-9_]{0,39}")) {
        errors.add(new FieldError(at + ".name", "must be a letter then letters, digits or _ (at most 40)"));
      } else if (!declared.add(v.name())) {
        errors.add(new FieldError(at + ".name", "is declared twice"));
      }
      if (!List.of("string", "number", "choice").contains(v.type())) {
        errors.add(new FieldError(at + ".type", "must be string, number or choice"));
      } else if (v.type().equals("choice") && v.choices().isEmpty()) {
        errors.add(new FieldError(at + ".choices", "a choice needs at least one choice"));
      }
    }
    Set<String> used = new HashSet<>();
    Matcher m = PLACEHOLDER.matcher(body);
    while (m.find()) {
      used.add(m.group(1));
    }
    for (String u : used) {
      if (!declared.contains(u)) {
        errors.add(new FieldError("body", "uses {{" + u + "}}, which is not declared in variables"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest("The template is not valid.", errors);
    }
  }

  /** The template's body with the values filled in; 400 naming each variable at fault. */
  public static String render(Template t, Map<String, String> values) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> resolved = resolve(t, values, "variables.", errors);
    if (!errors.isEmpty()) {
      throw ApiException.badRequest("Some template variables are not right.", errors);
    }
    Matcher m = PLACEHOLDER.matcher(t.body());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(resolved.getOrDefault(m.group(1), "")));
    }
    m.appendTail(out);
    return out.toString().replaceAll("\\s{2,}", " ").strip();
  }

  /**
   * Checks values against the template's variables and returns every variable's value, stripped,
   * with the default for each name that is absent (blank when optional and without a default). Each problem is added to
   * {@code errors} under {@code fieldPrefix + name}: unknown names, missing required values, values
   * that are not numbers, not among the choices, or longer than the variable allows.
   */
  public static Map<String, String> resolve(Template t, Map<String, String> values, String fieldPrefix,
      List<FieldError> errors) {
    Set<String> known = new HashSet<>();
    for (Variable v : t.variables()) {
      known.add(v.name());
    }
    for (String k : values.keySet()) {
      if (!known.contains(k)) {
        errors.add(new FieldError(fieldPrefix + k, "is not a variable of template " + t.name()));
      }
    }
    Map<String, String> resolved = new LinkedHashMap<>();
    for (Variable v : t.variables()) {
      String value = values.getOrDefault(v.name(), v.defaultValue());
      String field = fieldPrefix + v.name();
      if (value == null || value.isBlank()) {
        if (v.required()) {
          errors.add(new FieldError(field, "is required"));
        }
        resolved.put(v.name(), "");
        continue;
      }
      value = value.strip();
      switch (v.type()) {
        case "number" -> {
          try {
            Double.parseDouble(value);
          } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a number"));
          }
        }
        case "choice" -> {
          if (!v.choices().contains(value)) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ", v.choices())));
          }
        }
        default -> {
          if (v.maxLength() != null && value.length() > v.maxLength()) {
            errors.add(new FieldError(field, "must be at most " + v.maxLength() + " characters long"));
          }
        }
      }
      resolved.put(v.name(), value);
    }
    return resolved;
  }
}
