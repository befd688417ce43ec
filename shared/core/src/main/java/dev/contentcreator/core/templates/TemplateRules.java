package dev.contentcreator.core.templates;

import dev.contentcreator.core.domain.Template;
import dev.contentcreator.core.domain.Template.Variable;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a template and a value of each of its variables must be, and how a body is rendered; used by
 * the template service at save time and by generations and batches at render time.
 */
public final class TemplateRules {
  /** Placeholders a body may hold, each occurrence counted. */
  public static final int MAX_PLACEHOLDERS = 20;
  /** Characters a text or long text value may have at most, whatever its template says. */
  public static final int MAX_VARIABLE_LENGTH = 4000;
  /** Characters a number variable's value may have. */
  public static final int MAX_NUMBER_LENGTH = 40;
  /** Choices a choice variable may offer. */
  public static final int MAX_CHOICES = 50;
  /** Characters of one choice. */
  public static final int MAX_CHOICE_LENGTH = 200;
  /** Characters of a variable's label. */
  public static final int MAX_LABEL = 100;
  /** Variables one template may declare. */
  public static final int MAX_VARIABLES = 30;
  /** The types a variable may have. */
  public static final List<String> TYPES = List.of("text", "longText", "number", "choice", "boolean");

  private TemplateRules() {}

  /**
   * Checks the body's placeholders against the declared variables (a placeholder naming no variable
   * is refused; a variable the body does not use is allowed) and each variable's type, limits and
   * default; 400 naming {@code body} or {@code variables[i].field}.
   */
  public static void check(String body, List<Variable> variables) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> declared = new HashSet<>();
    if (variables.size() > MAX_VARIABLES) {
      errors.add(new FieldError("variables", "must be at most " + MAX_VARIABLES + " variables"));
    }
    for (int i = 0; i < variables.size(); i++) {
      Variable v = variables.get(i);
      String at = "variables[" + i + "]";
      if (v.name() == null || !v.name().matches(TemplateBody.NAME)) {
        errors.add(new FieldError(at + ".name", "must be a letter then letters, digits or _ (at most 40)"));
      } else if (!declared.add(v.name())) {
        errors.add(new FieldError(at + ".name", "is declared twice"));
      }
      if (v.label() != null && v.label().length() > MAX_LABEL) {
        errors.add(new FieldError(at + ".label", "must be at most " + MAX_LABEL + " characters long"));
      }
      if (!TYPES.contains(v.type())) {
        errors.add(new FieldError(at + ".type", "must be one of " + String.join(", ", TYPES)));
        continue;
      }
      boolean isText = v.type().equals("text") || v.type().equals("longText");
      if (v.type().equals("choice") && v.choices().isEmpty()) {
        errors.add(new FieldError(at + ".limits.options", "a choice needs at least one option"));
      }
      if (!v.type().equals("choice") && !v.choices().isEmpty()) {
        errors.add(new FieldError(at + ".limits.options", "only a choice has options"));
      }
      if (v.choices().size() > MAX_CHOICES
          || v.choices().stream().anyMatch(c -> c == null || c.isBlank() || c.length() > MAX_CHOICE_LENGTH)) {
        errors.add(new FieldError(at + ".limits.options", "must be at most " + MAX_CHOICES + " options of 1 to "
            + MAX_CHOICE_LENGTH + " characters"));
      } else if (new HashSet<>(v.choices()).size() != v.choices().size()) {
        errors.add(new FieldError(at + ".limits.options", "has an option twice"));
      }
      // A choice may keep the maxLength older clients sent with it; a number or a yes/no has none.
      if (v.maxLength() != null && !isText && !v.type().equals("choice")) {
        errors.add(new FieldError(at + ".limits.maxLength", "only text, long text and choice have a maxLength"));
      } else if (v.maxLength() != null && (v.maxLength() < 1 || v.maxLength() > MAX_VARIABLE_LENGTH)) {
        errors.add(new FieldError(at + ".limits.maxLength", "must be from 1 to " + MAX_VARIABLE_LENGTH));
      }
      if ((v.min() != null || v.max() != null) && !v.type().equals("number")) {
        errors.add(new FieldError(at + ".limits", "only a number has min and max"));
      } else if (v.min() != null && v.max() != null && v.min() > v.max()) {
        errors.add(new FieldError(at + ".limits.min", "must not be above max"));
      }
      if (v.defaultValue() != null && !v.defaultValue().isBlank()) {
        List<FieldError> own = new ArrayList<>();
        value(v, v.defaultValue().strip(), at + ".default", own);
        errors.addAll(own);
      }
    }
    for (String u : TemplateBody.names(body, "body", errors, MAX_PLACEHOLDERS)) {
      if (!declared.contains(u)) {
        errors.add(new FieldError("body", "uses {{" + u + "}}, which is not declared in variables"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest("The template is not valid.", errors);
    }
  }

  /** The template's body with the values filled in; 400 naming each variable at fault under {@code fieldPrefix}. */
  public static String render(Template t, Map<String, String> values, String fieldPrefix) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> resolved = resolve(t, values, fieldPrefix, errors);
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
    return TemplateBody.fill(t.body(), resolved).replaceAll("\\s{2,}", " ").strip();
  }

  /**
   * Checks values against the template's variables and returns every variable's value, stripped,
   * with the default for each name that is absent (blank when optional and without a default). Each
   * problem is added to {@code errors} under {@code fieldPrefix + name}: unknown names, missing
   * required values, and values that do not fit the variable's type and limits.
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
      resolved.put(v.name(), value(v, value.strip(), field, errors));
    }
    return resolved;
  }

  /** One non-blank, stripped value checked against its variable; what the prompt gets. */
  private static String value(Variable v, String value, String field, List<FieldError> errors) {
    switch (v.type()) {
      case "number" -> {
        if (value.length() > MAX_NUMBER_LENGTH) {
          errors.add(new FieldError(field, "must be a number of at most " + MAX_NUMBER_LENGTH + " characters"));
          return value;
        }
        BigDecimal n;
        try {
          n = new BigDecimal(value);
        } catch (NumberFormatException e) {
          errors.add(new FieldError(field, "must be a number"));
          return value;
        }
        if (v.min() != null && n.compareTo(BigDecimal.valueOf(v.min())) < 0) {
          errors.add(new FieldError(field, "must be at least " + plain(v.min())));
        }
        if (v.max() != null && n.compareTo(BigDecimal.valueOf(v.max())) > 0) {
          errors.add(new FieldError(field, "must be at most " + plain(v.max())));
        }
        return value;
      }
      case "choice" -> {
        if (!v.choices().contains(value)) {
          errors.add(new FieldError(field, "must be one of " + String.join(", ", v.choices())));
        }
        return value;
      }
      case "boolean" -> {
        String b = value.toLowerCase(Locale.ROOT);
        if (!b.equals("true") && !b.equals("false")) {
          errors.add(new FieldError(field, "must be true or false"));
        }
        return b;
      }
      default -> {
        int max = v.maxLength() == null ? MAX_VARIABLE_LENGTH : Math.min(v.maxLength(), MAX_VARIABLE_LENGTH);
        if (value.length() > max) {
          errors.add(new FieldError(field, "must be at most " + max + " characters long"));
        }
        return value;
      }
    }
  }

  /** A limit as a person wrote it: 5, not 5.0. */
  static String plain(Double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
