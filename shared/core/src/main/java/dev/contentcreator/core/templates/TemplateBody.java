package dev.contentcreator.core.templates;

import dev.contentcreator.core.http.FieldError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholder syntax of a template's body, in one place:
 * <ul>
 *   <li>{@code {{name}}} (spaces inside the braces allowed) is replaced by the variable's value;
 *       a name is a letter, then letters, digits or {@code _}, at most 40 characters;</li>
 *   <li>{@code \{{} is a literal {@code {{} (the backslash is dropped);</li>
 *   <li>any other {@code {{} is refused when the template is saved, as is a placeholder naming no
 *       declared variable.</li>
 * </ul>
 * Values are put in once, as they are: a value holding {@code {{x}}} is never expanded again.
 */
final class TemplateBody {
  static final String NAME = "[A-Za-z][A-Za-z0-9_]{0,39}";
  private static final Pattern TOKEN = Pattern.compile("\\\\\\{\\{|\\{\\{\\s*(" + NAME + ")\\s*}}|\\{\\{");

  private TemplateBody() {}

  /** The names the body uses, in order of first use; each problem is added to {@code errors} under {@code field}. */
  static Set<String> names(String body, String field, List<FieldError> errors, int maxPlaceholders) {
    Set<String> used = new LinkedHashSet<>();
    Matcher m = TOKEN.matcher(body);
    int count = 0;
    boolean malformed = false;
    while (m.find()) {
      if (m.group(1) != null) {
        used.add(m.group(1));
        count++;
      } else if (!m.group().startsWith("\\") && !malformed) {
        malformed = true;
        errors.add(new FieldError(field, "has a {{ at character " + (m.start() + 1) + " that is not a placeholder "
            + "{{name}}; write \\{{ for a literal {{"));
      }
    }
    if (count > maxPlaceholders) {
      errors.add(new FieldError(field, "has " + count + " placeholders; at most " + maxPlaceholders + " are allowed"));
    }
    return used;
  }

  /** The body with each placeholder replaced by its value (blank when absent) and each {@code \{{} by {@code {{}. */
  static String fill(String body, Map<String, String> values) {
    Matcher m = TOKEN.matcher(body);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = m.group(1) != null ? values.getOrDefault(m.group(1), "") : "{{";
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
