package dev.contentcreator.core.brand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceDraftTest {
  @Test
  void thePromptSetsOffEachSampleAndSaysWhatTheGuideCovers() {
    String p = VoiceDraft.prompt(List.of(" Fresh bread daily. ", "Come say hi!"));
    assertTrue(p.startsWith("Write a brand voice style guide from these sample texts.\n\n"
        + "Sample 1:\n\"\"\"\nFresh bread daily.\n\"\"\"\n\nSample 2:\n\"\"\"\nCome say hi!\n\"\"\""), p);
    assertTrue(p.endsWith("so that new texts sound the same."), p);
  }

  @Test
  void aDraftNeedsSamples() {
    assertThrows(IllegalArgumentException.class, () -> VoiceDraft.prompt(List.of()));
  }

  @Test
  void theGuideIsTrimmedAndFitsTheVoice() {
    assertEquals("Be warm.", VoiceDraft.guide("  Be warm.\n"));
    assertEquals(4000, VoiceDraft.guide("x".repeat(5000)).length());
    assertEquals("", VoiceDraft.guide(null));
  }
}
