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
}
