package dev.contentcreator.core.domain;

import java.util.List;

/**
 * How a project's texts should sound and the rules they must keep: a system prompt, a tone, terms
 * never to use ({@code bannedWords}: words or phrases), terms every text must contain, bounds on
 * its length in words, and the highest Flesch–Kincaid grade level it may read at. Applied to every
 * text generation of the project (as instructions) and checked on every text it makes (see
 * {@code dev.contentcreator.core.brand.BrandRules}). A bound that is null does not apply.
 * {@code imageStyle}, which may be null, is the preset every image generation of the project gets.
 */
public record BrandVoice(String systemPrompt, String tone, List<String> bannedWords, List<String> requiredTerms,
    Integer minWords, Integer maxWords, Double maxReadingGrade, ImageStyle imageStyle) {
  /** The most terms of one kind a voice keeps. */
  public static final int MAX_TERMS = 100;
  /** The longest term, in characters. */
  public static final int MAX_TERM_LENGTH = 50;
  /** The widest length bound, in words. */
  public static final int MAX_WORDS = 100_000;
  /** The lowest and highest reading grade a voice may ask for. */
  public static final double MIN_GRADE = 1;
  public static final double MAX_GRADE = 20;
  /** A voice with no instructions, rules or style: a kit made before any was written. */
  public static final BrandVoice EMPTY = new BrandVoice(null, null, List.of());

  public BrandVoice {
    bannedWords = bannedWords == null ? List.of() : List.copyOf(bannedWords);
    requiredTerms = requiredTerms == null ? List.of() : List.copyOf(requiredTerms);
  }

  /** A voice without an image style. */
  public BrandVoice(String systemPrompt, String tone, List<String> bannedWords, List<String> requiredTerms,
      Integer minWords, Integer maxWords, Double maxReadingGrade) {
    this(systemPrompt, tone, bannedWords, requiredTerms, minWords, maxWords, maxReadingGrade, null);
  }

  /** A voice without rules beyond its banned words. */
  public BrandVoice(String systemPrompt, String tone, List<String> bannedWords) {
    this(systemPrompt, tone, bannedWords, null, null, null, null, null);
  }

  /** Whether any rule can find something in a text. */
  public boolean hasRules() {
    return !bannedWords.isEmpty() || !requiredTerms.isEmpty() || minWords != null || maxWords != null
        || maxReadingGrade != null;
  }

  /** The system prompt a provider gets: the voice's own, its tone, and its rules as instructions. */
  public String toSystemPrompt() {
    StringBuilder s = new StringBuilder();
    if (systemPrompt != null && !systemPrompt.isBlank()) {
      s.append(systemPrompt.strip());
    }
    if (tone != null && !tone.isBlank()) {
      line(s, "Write in a " + tone.strip() + " tone.");
    }
    if (!bannedWords.isEmpty()) {
      line(s, "Never use these words: " + String.join(", ", bannedWords) + ".");
    }
    if (!requiredTerms.isEmpty()) {
      line(s, "Always use these terms: " + String.join(", ", requiredTerms) + ".");
    }
    if (minWords != null && maxWords != null) {
      line(s, "Write between " + minWords + " and " + maxWords + " words.");
    } else if (minWords != null) {
      line(s, "Write at least " + minWords + " words.");
    } else if (maxWords != null) {
      line(s, "Write at most " + maxWords + " words.");
    }
    if (maxReadingGrade != null) {
      line(s, "Keep the reading level at or below US school grade " + grade(maxReadingGrade) + ".");
    }
    return s.toString();
  }

  private static String grade(double g) {
    return g == Math.rint(g) ? Long.toString((long) g) : Double.toString(g);
  }

  private static void line(StringBuilder s, String text) {
    s.append(s.length() > 0 ? "\n" : "").append(text);
  }
}
