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
 *
 * <p>Bounds, so that no template multiplies a value past what a prompt may hold: a body has at most
 * {@value #MAX_PLACEHOLDERS} placeholders (each occurrence counts); a string variable's value has at
 * most {@value #MAX_VARIABLE_LENGTH} characters, or its own smaller {@code maxLength}; a number at
 * most {@value #MAX_NUMBER_LENGTH}; a choice variable offers at most {@value #MAX_CHOICES} choices of
 * at most {@value #MAX_CHOICE_LENGTH} characters. The rendered prompt is then held to
 * {@code GENERATION_MAX_PROMPT} by whoever sends it to a provider.
 */
public final class TemplateService {
  public static final String COLLECTION = "templates";
  /** Placeholders a body may hold, each occurrence counted. */
  public static final int MAX_PLACEHOLDERS = 20;
  /** Characters a string variable's value may have at most, whatever its template says. */
  public static final int MAX_VARIABLE_LENGTH = 4000;
  /** Characters a number variable's value may have. */
  public static final int MAX_NUMBER_LENGTH = 40;
  /** Choices a choice variable may offer. */
  public static final int MAX_CHOICES = 50;
  /** Characters of one choice. */
  public static final int MAX_CHOICE_LENGTH = 200;
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
  public List<TemplateView> list(String uid, Optional<String> projectId) {
    List<Template> out = new ArrayList<>(GLOBAL);
    if (projectId.isPresent()) {
      projects.requireRole(uid, projectId.get(), Role.VIEWER);
      documents.query(Query.on(COLLECTION).whereEqualTo("projectId", projectId.get())
              .orderBy("createdAt", Query.Direction.ASCENDING).limit(Query.MAX_LIMIT).build())
          .items().forEach(d -> out.add(Json.fromTree(d.data(), Template.class)));
    }
    return out.stream().map(TemplateView::of).toList();
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
  public TemplateView create(String uid, String projectId, String name, ContentKind kind, String body,
      List<Variable> variables) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    check(body, variables);
    Instant now = clock.instant();
    Template t = new Template(Ids.newId(), projectId, name, kind, body, variables, uid, now, now, 1);
    documents.create(COLLECTION, t.id(), Json.toTree(t).getAsJsonObject());
    return TemplateView.of(t);
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
      if (v.choices().size() > MAX_CHOICES
          || v.choices().stream().anyMatch(c -> c == null || c.isBlank() || c.length() > MAX_CHOICE_LENGTH)) {
        errors.add(new FieldError(at + ".choices", "must be at most " + MAX_CHOICES + " choices of 1 to "
            + MAX_CHOICE_LENGTH + " characters"));
      }
      if (v.maxLength() != null && (v.maxLength() < 1 || v.maxLength() > MAX_VARIABLE_LENGTH)) {
        errors.add(new FieldError(at + ".maxLength", "must be from 1 to " + MAX_VARIABLE_LENGTH));
      }
      if (v.defaultValue() != null && v.defaultValue().length() > MAX_VARIABLE_LENGTH) {
        errors.add(new FieldError(at + ".defaultValue", "must be at most " + MAX_VARIABLE_LENGTH + " characters long"));
      }
    }
    Set<String> used = new HashSet<>();
    Matcher m = PLACEHOLDER.matcher(body);
    int placeholders = 0;
    while (m.find()) {
      used.add(m.group(1));
      placeholders++;
    }
    if (placeholders > MAX_PLACEHOLDERS) {
      errors.add(new FieldError("body", "has " + placeholders + " placeholders; at most " + MAX_PLACEHOLDERS
          + " are allowed"));
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
    return fill(t, resolved);
  }

  /**
   * The template's body with values already checked by {@link #resolve} filled in: runs of white
   * space become one space, and the ends are stripped.
   */
  public static String fill(Template t, Map<String, String> resolved) {
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
   * that are not numbers, not among the choices, or longer than the variable allows (its own
   * {@code maxLength}, never more than {@value #MAX_VARIABLE_LENGTH}).
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
          if (value.length() > MAX_NUMBER_LENGTH) {
            errors.add(new FieldError(field, "must be a number of at most " + MAX_NUMBER_LENGTH + " characters"));
          } else {
            try {
              Double.parseDouble(value);
            } catch (NumberFormatException e) {
              errors.add(new FieldError(field, "must be a number"));
            }
          }
        }
        case "choice" -> {
          if (!v.choices().contains(value)) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ", v.choices())));
          }
        }
        default -> {
          int max = v.maxLength() == null ? MAX_VARIABLE_LENGTH : Math.min(v.maxLength(), MAX_VARIABLE_LENGTH);
          if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters long"));
          }
        }
      }
      resolved.put(v.name(), value);
    }
    return resolved;
  }
}
