package dev.contentcreator.core.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.Template;
import dev.contentcreator.core.domain.Template.Variable;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.FieldError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRulesTest {
  private static Template of(String body, Variable... variables) {
    return new Template("t", "p", "T", ContentKind.TEXT, body, List.of(variables), "u", null, null, 1);
  }

  private static List<String> faults(Template t, Map<String, String> values) {
    ApiException e = assertThrows(ApiException.class, () -> TemplateRules.render(t, values, "values."));
    assertEquals(400, e.status());
    return e.errors().stream().map(FieldError::field).sorted().toList();
  }

  private static Variable text(String name, Integer maxLength) {
    return new Variable(name, "text", true, null, null, maxLength, null, null, null);
  }

  @Test
  void aTextLongerThanItsMaxLengthIsNamed() {
    Template t = of("{{a}}", text("a", 3));
    assertEquals("abc", TemplateRules.render(t, Map.of("a", "abc"), "values."));
    assertEquals(List.of("values.a"), faults(t, Map.of("a", "abcd")));
  }

  @Test
  void aLongTextKeepsItsLinesUntilTheWhiteSpaceIsFolded() {
    Template t = of("Notes: {{n}}", new Variable("n", "longText", true, null, null, 100, null, null, null));
    assertEquals("Notes: one two", TemplateRules.render(t, Map.of("n", "one\n\ntwo"), "values."));
  }

  @Test
  void aNumberOutsideMinAndMaxIsNamed() {
    Template t = of("{{n}} words", new Variable("n", "number", true, null, null, null, null, 10.0, 20.0));
    assertEquals("15 words", TemplateRules.render(t, Map.of("n", "15"), "values."));
    assertEquals(List.of("values.n"), faults(t, Map.of("n", "9")));
    assertEquals(List.of("values.n"), faults(t, Map.of("n", "20.5")));
    assertEquals(List.of("values.n"), faults(t, Map.of("n", "twelve")));
  }

  @Test
  void aChoiceOutsideItsOptionsIsNamed() {
    Template t = of("{{c}}", new Variable("c", "choice", true, List.of("a", "b"), null, null, null, null, null));
    assertEquals("b", TemplateRules.render(t, Map.of("c", "b"), "values."));
    assertEquals(List.of("values.c"), faults(t, Map.of("c", "z")));
  }

  @Test
  void aBooleanIsTrueOrFalseInAnyCase() {
    Template t = of("short: {{b}}", new Variable("b", "boolean", true, null, null, null, null, null, null));
    assertEquals("short: true", TemplateRules.render(t, Map.of("b", "TRUE"), "values."));
    assertEquals(List.of("values.b"), faults(t, Map.of("b", "yes")));
  }

  @Test
  void aRequiredValueMissingAndAnUnknownOneAreBothNamed() {
    Template t = of("{{a}}", text("a", null));
    assertEquals(List.of("values.a", "values.zz"), faults(t, Map.of("zz", "x")));
  }

  @Test
  void theOlderStringTypeIsReadAsText() {
    assertEquals("text", new Variable("a", "string", false, null, null, null).type());
  }

  @Test
  void aDefaultThatBreaksItsOwnLimitsIsRefusedAtSaveTime() {
    ApiException e = assertThrows(ApiException.class, () -> TemplateRules.check("{{n}}",
        List.of(new Variable("n", "number", false, null, "50", null, null, 1.0, 10.0))));
    assertEquals("variables[0].default", e.errors().get(0).field());
  }

  @Test
  void limitsOfAnotherTypeAreRefused() {
    ApiException e = assertThrows(ApiException.class, () -> TemplateRules.check("{{a}}",
        List.of(new Variable("a", "text", false, null, null, null, null, 1.0, null))));
    assertEquals("variables[0].limits", e.errors().get(0).field());
    ApiException max = assertThrows(ApiException.class, () -> TemplateRules.check("{{n}}",
        List.of(new Variable("n", "number", false, null, null, 5, null, null, null))));
    assertEquals("variables[0].limits.maxLength", max.errors().get(0).field());
  }

  @Test
  void anUnknownTypeIsRefused() {
    ApiException e = assertThrows(ApiException.class, () -> TemplateRules.check("{{a}}",
        List.of(new Variable("a", "date", false, null, null, null))));
    assertEquals("variables[0].type", e.errors().get(0).field());
  }

  @Test
  void anUnknownPlaceholderIsRefusedAtSaveTime() {
    ApiException e = assertThrows(ApiException.class, () -> TemplateRules.check("{{a}} and {{b}}",
        List.of(text("a", null))));
    assertEquals("body", e.errors().get(0).field());
    assertTrue(e.errors().get(0).message().contains("{{b}}"));
  }

  @Test
  void aStrayOpeningIsRefusedAndAnEscapedOneIsLiteral() {
    ApiException e = assertThrows(ApiException.class, () -> TemplateRules.check("{{a}} {{ 9 }}", List.of(text("a", null))));
    assertTrue(e.errors().get(0).message().contains("\\{{"));
    Template t = of("Write \\{{a}} as {{a}}", text("a", null));
    TemplateRules.check(t.body(), t.variables());
    assertEquals("Write {{a}} as x", TemplateRules.render(t, Map.of("a", "x"), "values."));
  }

  @Test
  void aValueHoldingAPlaceholderIsNotExpandedAgain() {
    Template t = of("{{a}} {{b}}", text("a", null), text("b", null));
    assertEquals("{{b}} $1", TemplateRules.render(t, Map.of("a", "{{b}}", "b", "$1"), "values."));
  }
}
