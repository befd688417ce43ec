package dev.contentcreator.core.templates;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import dev.contentcreator.core.domain.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two versions of a template ({@code TemplateDiff} in docs/openapi.yaml): the
 * body line by line ({@code equal}, {@code removed} or {@code added}, in reading order), each
 * variable added, removed or changed, and the name and kind when they differ.
 */
public record TemplateDiff(long from, long to, List<Line> lines, List<VariableChange> variables,
    Change name, Change kind) {

  /** One line of the body: {@code equal}, {@code removed} (only in {@code from}) or {@code added} (only in {@code to}). */
  public record Line(String op, String text) {}

  /** One variable that differs: {@code added}, {@code removed} or {@code changed}, with both sides (null where absent). */
  public record VariableChange(String name, String change, TemplateView.Variable before, TemplateView.Variable after) {}

  /** A field's value before and after; null when it did not change. */
  public record Change(String before, String after) {}

  static TemplateDiff between(TemplateVersion a, TemplateVersion b) {
    return new TemplateDiff(a.number(), b.number(), lines(a.body(), b.body()), variables(a.variables(), b.variables()),
        a.name().equals(b.name()) ? null : new Change(a.name(), b.name()),
        a.kind() == b.kind() ? null : new Change(a.kind().name().toLowerCase(java.util.Locale.ROOT),
            b.kind().name().toLowerCase(java.util.Locale.ROOT)));
  }

  /** The line diff of two texts, every line of both shown once. */
  static List<Line> lines(String before, String after) {
    List<String> a = List.of(before.split("\n", -1));
    List<String> b = List.of(after.split("\n", -1));
    List<Line> out = new ArrayList<>();
    for (AbstractDelta<String> d : DiffUtils.diff(a, b, true).getDeltas()) {
      if (d.getType() == DeltaType.EQUAL) {
        d.getSource().getLines().forEach(l -> out.add(new Line("equal", l)));
        continue;
      }
      d.getSource().getLines().forEach(l -> out.add(new Line("removed", l)));
      d.getTarget().getLines().forEach(l -> out.add(new Line("added", l)));
    }
    return out;
  }

  static List<VariableChange> variables(List<Template.Variable> before, List<Template.Variable> after) {
    Map<String, Template.Variable> a = new LinkedHashMap<>();
    before.forEach(v -> a.put(v.name(), v));
    Map<String, Template.Variable> b = new LinkedHashMap<>();
    after.forEach(v -> b.put(v.name(), v));
    List<VariableChange> out = new ArrayList<>();
    a.forEach((name, v) -> {
      Template.Variable w = b.get(name);
      if (w == null) {
        out.add(new VariableChange(name, "removed", TemplateView.variable(v), null));
      } else if (!Objects.equals(v, w)) {
        out.add(new VariableChange(name, "changed", TemplateView.variable(v), TemplateView.variable(w)));
      }
    });
    b.forEach((name, w) -> {
      if (!a.containsKey(name)) {
        out.add(new VariableChange(name, "added", null, TemplateView.variable(w)));
      }
    });
    return out;
  }
}
