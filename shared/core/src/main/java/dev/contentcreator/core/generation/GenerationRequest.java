package dev.contentcreator.core.generation;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.http.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A generation as the caller asked for it: the kind, a prompt or a template with variables, an
 * optional provider and model, provider options, how many items, whether to skip the cache, for a
 * regeneration the content item to add a version to, whether to give the prompt passages of the
 * project's brand knowledge, and the brand kit to write in (the project's default when empty).
 */
public record GenerationRequest(
    ContentKind kind,
    Optional<String> prompt,
    Optional<String> templateId,
    Map<String, String> variables,
    Optional<String> provider,
    Optional<String> model,
    Map<String, String> options,
    int count,
    boolean fresh,
    Optional<String> contentId,
    boolean useKnowledge,
    Optional<String> brandKitId) {

  /** A request in the project's default brand kit that does not ask for brand knowledge. */
  public GenerationRequest(ContentKind kind, Optional<String> prompt, Optional<String> templateId,
      Map<String, String> variables, Optional<String> provider, Optional<String> model, Map<String, String> options,
      int count, boolean fresh, Optional<String> contentId) {
    this(kind, prompt, templateId, variables, provider, model, options, count, fresh, contentId, false, Optional.empty());
  }

  /** A request in the project's default brand kit. */
  public GenerationRequest(ContentKind kind, Optional<String> prompt, Optional<String> templateId,
      Map<String, String> variables, Optional<String> provider, Optional<String> model, Map<String, String> options,
      int count, boolean fresh, Optional<String> contentId, boolean useKnowledge) {
    this(kind, prompt, templateId, variables, provider, model, options, count, fresh, contentId, useKnowledge,
        Optional.empty());
  }

  /** A request that does not ask for brand knowledge. */
  public GenerationRequest(ContentKind kind, Optional<String> prompt, Optional<String> templateId,
      Map<String, String> variables, Optional<String> provider, Optional<String> model, Map<String, String> options,
      int count, boolean fresh, Optional<String> contentId, Optional<String> brandKitId) {
    this(kind, prompt, templateId, variables, provider, model, options, count, fresh, contentId, false, brandKitId);
  }

  /** The options a request may carry, and how each is checked. */
  private static final Map<String, String> OPTION_RULES = Map.ofEntries(
      Map.entry("size", "\\d{2,4}x\\d{2,4}"),
      Map.entry("aspectRatio", "\\d{1,2}:\\d{1,2}"),
      Map.entry("width", "int:64:2048"),
      Map.entry("height", "int:64:2048"),
      Map.entry("duration", "(5|10)"),
      Map.entry("mode", "(std|pro)"),
      Map.entry("quality", "(low|medium|high|standard|hd|auto)"),
      Map.entry("style", ".{1,100}"),
      Map.entry("maxTokens", "int:1:8000"),
      Map.entry("temperature", "(0(\\.\\d+)?|1(\\.\\d+)?|2(\\.0+)?)"),
      Map.entry("negativePrompt", "(?s).{1,1000}"),
      Map.entry("taskType", "(imagine|upscale|variation)"),
      Map.entry("originTaskId", "[A-Za-z0-9-]{1,100}"),
      Map.entry("index", "(1|2|3|4)"),
      Map.entry("version", "[A-Za-z0-9.]{1,10}"));

  public GenerationRequest {
    variables = Map.copyOf(variables);
    options = Map.copyOf(new TreeMap<>(options));
  }

  /** Checks the options' names and values; returns what is wrong, field by field. */
  public static List<FieldError> checkOptions(Map<String, String> options) {
    List<FieldError> errors = new ArrayList<>();
    options.forEach((k, v) -> {
      String rule = OPTION_RULES.get(k);
      String field = "options." + k;
      if (rule == null) {
        errors.add(new FieldError(field, "is not an option; known: " + new TreeMap<>(OPTION_RULES).keySet()));
      } else if (rule.startsWith("int:")) {
        String[] p = rule.split(":");
        try {
          int n = Integer.parseInt(v);
          if (n < Integer.parseInt(p[1]) || n > Integer.parseInt(p[2])) {
            errors.add(new FieldError(field, "must be from " + p[1] + " to " + p[2]));
          }
        } catch (NumberFormatException e) {
          errors.add(new FieldError(field, "must be a whole number"));
        }
      } else if (!v.matches(rule)) {
        errors.add(new FieldError(field, "is not a valid value"));
      } else if (k.equals("size")) {
        String[] wh = v.split("x");
        int w = Integer.parseInt(wh[0]);
        int h = Integer.parseInt(wh[1]);
        if (w < 64 || h < 64 || w > 2048 || h > 2048) {
          errors.add(new FieldError(field, "each side must be from 64 to 2048 pixels"));
        }
      }
    });
    if (options.containsKey("width") != options.containsKey("height")) {
      errors.add(new FieldError("options.width", "give width and height together"));
    }
    return errors;
  }
}
