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

  @Test
  void theRulesAreAskedForToo() {
    assertEquals("Always use these terms: Acme.\nWrite between 50 and 200 words.\n"
        + "Keep the reading level at or below US school grade 8.",
        new BrandVoice(null, null, null, List.of("Acme"), 50, 200, 8.0).toSystemPrompt());
    assertEquals("Write at most 200 words.\nKeep the reading level at or below US school grade 7.5.",
        new BrandVoice(null, null, null, null, null, 200, 7.5).toSystemPrompt());
    assertEquals("Write at least 50 words.", new BrandVoice(null, null, null, null, 50, null, null).toSystemPrompt());
  }

  @Test
  void aVoiceStoredBeforeRulesExistedReadsWithNone() {
    BrandVoice old = dev.contentcreator.core.json.Json.GSON.fromJson(
        "{\"systemPrompt\":\"x\",\"bannedWords\":[\"a\"]}", BrandVoice.class);
    assertEquals(List.of(), old.requiredTerms());
    assertEquals(null, old.maxWords());
    assertEquals(true, old.hasRules());
  }
}
