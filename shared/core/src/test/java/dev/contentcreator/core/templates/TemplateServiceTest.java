package dev.contentcreator.core.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.Template;
import dev.contentcreator.core.domain.Template.Variable;
import dev.contentcreator.core.http.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateServiceTest {
  private static final Template T = new Template("t", "p", "Post", ContentKind.TEXT,
      "A {{tone}} post about {{ topic }} in {{words}} words",
      List.of(new Variable("tone", "choice", false, List.of("calm", "bold"), "calm", null),
          new Variable("topic", "string", true, null, null, 20),
          new Variable("words", "number", false, null, "50", null)),
      null, null, null, 1);

  @Test
  void valuesAndDefaultsFillThePlaceholders() {
    assertEquals("A calm post about tea in 50 words", TemplateService.render(T, Map.of("topic", "tea")));
  }

  @Test
  void aValueWithDollarSignsAndBackslashesIsTakenLiterally() {
    assertEquals("A bold post about $1 \\n in 50 words",
        TemplateService.render(T, Map.of("topic", "$1 \\n", "tone", "bold")));
  }

  @Test
  void everyVariableAtFaultIsNamed() {
    ApiException e = assertThrows(ApiException.class, () -> TemplateService.render(T,
        Map.of("tone", "loud", "words", "many", "extra", "x")));
    List<String> fields = e.errors().stream().map(f -> f.field()).sorted().toList();
    assertEquals(List.of("variables.extra", "variables.tone", "variables.topic", "variables.words"), fields);
  }

  @Test
  void aTooLongStringIsRefused() {
    ApiException e = assertThrows(ApiException.class, () -> TemplateService.render(T, Map.of("topic", "x".repeat(21))));
    assertEquals("variables.topic", e.errors().get(0).field());
  }

  @Test
  void aBodyUsingAnUndeclaredVariableIsRefused() {
    ApiException e = assertThrows(ApiException.class, () -> TemplateService.check("Hi {{who}}", List.of()));
    assertTrue(e.errors().get(0).message().contains("{{who}}"));
  }

  @Test
  void aChoiceWithoutChoicesIsRefused() {
    assertThrows(ApiException.class, () -> TemplateService.check("{{x}}",
        List.of(new Variable("x", "choice", true, List.of(), null, null))));
  }

  @Test
  void theGlobalTemplatesAreWellFormed() {
    for (Template g : TemplateService.GLOBAL) {
      TemplateService.check(g.body(), g.variables());
    }
  }

  @Test
  void aStringWithoutItsOwnBoundGetsTheCommonOne() {
    Template free = new Template("t", "p", "Free", ContentKind.TEXT, "About {{x}}",
        List.of(new Variable("x", "string", true, null, null, null)), "u", null, null, 1);
    assertEquals("About " + "a".repeat(TemplateService.MAX_VARIABLE_LENGTH),
        TemplateService.render(free, Map.of("x", "a".repeat(TemplateService.MAX_VARIABLE_LENGTH))));
    ApiException e = assertThrows(ApiException.class, () -> TemplateService.render(free,
        Map.of("x", "a".repeat(TemplateService.MAX_VARIABLE_LENGTH + 1))));
    assertEquals("variables.x", e.errors().get(0).field());
  }

  @Test
  void aBodyWithTooManyPlaceholdersIsRefused() {
    String body = "{{x}} ".repeat(TemplateService.MAX_PLACEHOLDERS + 1);
    ApiException e = assertThrows(ApiException.class, () -> TemplateService.check(body,
        List.of(new Variable("x", "string", true, null, null, 10))));
    assertEquals("body", e.errors().get(0).field());
    TemplateService.check("{{x}} ".repeat(TemplateService.MAX_PLACEHOLDERS),
        List.of(new Variable("x", "string", true, null, null, 10)));
  }

  @Test
  void aMaxLengthBeyondTheCommonBoundIsRefused() {
    ApiException e = assertThrows(ApiException.class, () -> TemplateService.check("{{x}}",
        List.of(new Variable("x", "string", true, null, null, TemplateService.MAX_VARIABLE_LENGTH + 1))));
    assertEquals("variables[0].limits.maxLength", e.errors().get(0).field());
  }

  @Test
  void aLongNumberIsRefused() {
    Template n = new Template("t", "p", "N", ContentKind.TEXT, "{{n}} words",
        List.of(new Variable("n", "number", true, null, null, null)), "u", null, null, 1);
    assertThrows(ApiException.class, () -> TemplateService.render(n, Map.of("n", "1".repeat(41))));
  }
}
