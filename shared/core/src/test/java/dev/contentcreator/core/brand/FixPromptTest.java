package dev.contentcreator.core.brand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixPromptTest {
  private static final Finding BANNED = new Finding(Finding.BANNED, "Uses the banned term \"cheap\".", "Cheap", 0, 5);
  private static final Finding REQUIRED = new Finding(Finding.REQUIRED, "Does not use the required term \"Acme\".",
      null, null, null);

  @Test
  void theOriginalPromptComesFirstThenEachFindingWithItsPassage() {
    assertEquals("Write about bread\n\nThe last version broke the brand rules. Fix these findings:\n"
        + "- Uses the banned term \"cheap\". Passage: \"Cheap\"\n- Does not use the required term \"Acme\".",
        FixPrompt.of(" Write about bread ", "Cheap bread.", List.of(BANNED, REQUIRED)));
  }

  @Test
  void withoutTheOriginalPromptItAsksToRewriteTheText() {
    assertTrue(FixPrompt.of(null, "Cheap bread.", List.of(BANNED))
        .startsWith("Rewrite this text:\n\nCheap bread.\n\nThe last version broke"));
  }

  @Test
  void longPassagesAndLongListsAreCut() {
    Finding longOne = new Finding(Finding.MAX_WORDS, "Too long.", "word ".repeat(100), 0, 500);
    String p = FixPrompt.of("x", "t", Collections.nCopies(25, longOne));
    assertTrue(p.endsWith("- and 5 more like these."), p);
    assertTrue(p.contains("Passage: \"" + "word ".repeat(24) + "…\""), p);
  }

  @Test
  void aLongRequestIsCutSoThatTheFindingsFitTheLimit() {
    String p = FixPrompt.of("w".repeat(5000), "t", List.of(BANNED), 4000);
    assertEquals(4000, p.length());
    assertTrue(p.endsWith("- Uses the banned term \"cheap\". Passage: \"Cheap\""), p);
  }

  @Test
  void aFixNeedsFindings() {
    assertThrows(IllegalArgumentException.class, () -> FixPrompt.of("x", "t", List.of()));
  }
}
