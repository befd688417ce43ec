package dev.contentcreator.ai.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.brand.Finding;
import dev.contentcreator.core.brand.FixPrompt;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DemoFixTest {
  @Test
  void aPromptWithABannedTermMakesATextWithItAndItsFixOneWithout() {
    String prompt = "Write about sourdough loaves and crusty bread";
    String first = DemoText.write(prompt, "Never use these words: sourdough.", 2, new Random(1));
    assertTrue(first.toLowerCase(Locale.ROOT).contains("sourdough"), first);

    String fix = FixPrompt.of(prompt, first, List.of(new Finding(Finding.BANNED, "Uses the banned term \"sourdough\".",
        "sourdough", 0, 9)));
    String fixed = DemoText.write(fix, "Never use these words: sourdough.", 2, new Random(1));
    assertFalse(fixed.toLowerCase(Locale.ROOT).contains("sourdough"), fixed);
    assertFalse(fixed.toLowerCase(Locale.ROOT).contains("findings"), "the instructions are not its topic: " + fixed);
  }

  @Test
  void aFixLeavesOutEveryBannedPhraseWhateverItsCaseAndSpacing() {
    String fix = "Write about Deep  Learning and deep learning tools" + "\n\n" + FixPrompt.HEADING
        + "\n- Uses the banned term \"deep learning\". Passage: \"Deep Learning\"";
    assertEquals("Write about and tools", DemoText.obeyFix(fix));
    assertEquals("Write about bread", DemoText.obeyFix("Write about bread"), "any other prompt is as it is");
  }
}
