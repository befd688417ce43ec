package dev.contentcreator.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrandVoiceTest {
  @Test
  void theSystemPromptJoinsVoiceToneAndBannedWords() {
    assertEquals("We are a bakery.\nWrite in a warm tone.\nNever use these words: cheap, synergy.",
        new BrandVoice("We are a bakery.", "warm", List.of("cheap", "synergy")).toSystemPrompt());
  }

  @Test
  void anEmptyVoiceSaysNothing() {
    assertEquals("", new BrandVoice(null, " ", null).toSystemPrompt());
  }
}
