package dev.contentcreator.core.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.Template.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateDiffTest {
  private static TemplateVersion v(long n, String name, String body, List<Variable> vars) {
    return new TemplateVersion("t", n, "p", null, name, ContentKind.TEXT, body, vars, "u", null, null);
  }

  @Test
  void theBodyIsComparedLineByLineInReadingOrder() {
    TemplateDiff d = TemplateDiff.between(v(1, "A", "one\ntwo\nthree", List.of()), v(2, "A", "one\n2\nthree\nfour", List.of()));
    assertEquals(List.of(new TemplateDiff.Line("equal", "one"), new TemplateDiff.Line("removed", "two"),
        new TemplateDiff.Line("added", "2"), new TemplateDiff.Line("equal", "three"),
        new TemplateDiff.Line("added", "four")), d.lines());
    assertNull(d.name());
  }

  @Test
  void variablesAddedRemovedAndChangedAreListed() {
    Variable a = new Variable("a", "text", true, null, null, 10);
    Variable a2 = new Variable("a", "text", true, null, null, 20);
    Variable b = new Variable("b", "boolean", false, null, null, null);
    Variable c = new Variable("c", "number", false, null, null, null);
    TemplateDiff d = TemplateDiff.between(v(1, "A", "x", List.of(a, b)), v(3, "B", "x", List.of(a2, c)));
    assertEquals(List.of("a:changed", "b:removed", "c:added"),
        d.variables().stream().map(ch -> ch.name() + ":" + ch.change()).toList());
    assertEquals(20, d.variables().get(0).after().limits().maxLength());
    assertEquals(new TemplateDiff.Change("A", "B"), d.name());
  }

  @Test
  void sameVersionsHaveOnlyEqualLines() {
    TemplateDiff d = TemplateDiff.between(v(1, "A", "x\ny", List.of()), v(1, "A", "x\ny", List.of()));
    assertEquals(2, d.lines().size());
    assertEquals(List.of(), d.variables());
  }
}
