package dev.contentcreator.core.domain;

import java.util.List;

/**
 * How a project's texts should sound: a system prompt, a tone, and words never to use. Applied to
 * every text generation of the project.
 */
public record BrandVoice(String systemPrompt, String tone, List<String> bannedWords) {
  public BrandVoice {
    bannedWords = bannedWords == null ? List.of() : List.copyOf(bannedWords);
  }

  /** The system prompt a provider gets: the voice's own, its tone, and the words to avoid. */
  public String toSystemPrompt() {
    StringBuilder s = new StringBuilder();
    if (systemPrompt != null && !systemPrompt.isBlank()) {
      s.append(systemPrompt.strip());
    }
    if (tone != null && !tone.isBlank()) {
      s.append(s.length() > 0 ? "\n" : "").append("Write in a ").append(tone.strip()).append(" tone.");
    }
    if (!bannedWords.isEmpty()) {
      s.append(s.length() > 0 ? "\n" : "").append("Never use these words: ").append(String.join(", ", bannedWords))
          .append('.');
    }
    return s.toString();
  }
}
