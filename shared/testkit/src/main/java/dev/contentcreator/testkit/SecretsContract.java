package dev.contentcreator.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.Secrets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract every {@link Secrets} adapter passes: extend it and say how to make the adapter. */
public abstract class SecretsContract {

  /** A fresh, empty adapter. */
  protected abstract Secrets secrets() throws Exception;

  @Test
  void aStoredValueIsReadBack() throws Exception {
    Secrets s = secrets();
    s.put("project-p1-anthropic", "sk-ant-api03-abcdef");
    assertEquals(Optional.of("sk-ant-api03-abcdef"), s.get("project-p1-anthropic"));
  }

  @Test
  void anUnknownNameHasNoValue() throws Exception {
    assertEquals(Optional.empty(), secrets().get("project-none-gemini"));
  }

  @Test
  void storingAgainReplacesTheValue() throws Exception {
    Secrets s = secrets();
    s.put("project-p1-gemini", "first");
    s.put("project-p1-gemini", "second");
    assertEquals(Optional.of("second"), s.get("project-p1-gemini"));
  }

  @Test
  void aDeletedNameHasNoValueAndDeletingTwiceIsFine() throws Exception {
    Secrets s = secrets();
    s.put("project-p1-openai", "sk-1");
    s.delete("project-p1-openai");
    s.delete("project-p1-openai");
    assertEquals(Optional.empty(), s.get("project-p1-openai"));
  }

  @Test
  void namesAreKeptApart() throws Exception {
    Secrets s = secrets();
    s.put("project-a-gemini", "for a");
    s.put("project-b-gemini", "for b");
    s.delete("project-a-gemini");
    assertEquals(Optional.empty(), s.get("project-a-gemini"));
    assertEquals(Optional.of("for b"), s.get("project-b-gemini"));
  }

  @Test
  void aValueIsKeptExactly() throws Exception {
    Secrets s = secrets();
    String value = "  spaces, ünïcödé, \"quotes\", = and / and + and a\nnew line  ";
    s.put("project-p1-odd", value);
    assertEquals(Optional.of(value), s.get("project-p1-odd"));
  }

  @Test
  void aBadNameIsRefused() throws Exception {
    Secrets s = secrets();
    assertThrows(IllegalArgumentException.class, () -> s.put("Project/P1", "x"));
    assertThrows(IllegalArgumentException.class, () -> s.get(""));
    assertTrue(s.get("project-p1-x").isEmpty());
  }
}
