package dev.contentcreator.core.brand;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Flesch–Kincaid grade level of a text: {@code 0.39 * words/sentences + 11.8 * syllables/words
 * - 15.59}, with these heuristics (English):
 * <ul>
 *   <li>a word is a run of letters or digits, with apostrophes and hyphens inside it;</li>
 *   <li>a sentence ends at {@code .}, {@code !} or {@code ?} (a run of them counts once) followed by
 *   a space or the end, and at a blank line (a heading or list item without a full stop); a stretch
 *   without words is no sentence;</li>
 *   <li>a word's syllables are its groups of vowels ({@code a e i o u y}, accents removed), after
 *   dropping a silent ending: a final {@code e} (but not {@code le} after a consonant, nor {@code ee}),
 *   {@code es} (but not after {@code s x z ch sh c g}), or {@code ed} (but not after {@code t d}), where the word's last letter
 *   carries no accent (caf\u00e9 keeps its e);
 *   words of three letters or fewer, numbers, and words with no vowel count one; no word counts
 *   less than one.</li>
 * </ul>
 * The grade is not clamped: very plain text scores below zero.
 */
public final class Readability {
  static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
  /** Where a sentence ends: terminal punctuation before space or the end, or a blank line. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)|\\n\\s*\\n");
  private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");

  private Readability() {}

  /** What the grade is computed from. */
  public record Counts(int sentences, int words, int syllables) {
    /** The Flesch–Kincaid grade level of these counts; 0 for a text without words. */
    public double grade() {
      if (words == 0) {
        return 0;
      }
      return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
    }
  }

  /** One sentence of a text, by offsets (end exclusive, its punctuation included), and its counts. */
  public record Sentence(int start, int end, Counts counts) {}

  /** The grade level of {@code text}. */
  public static double grade(String text) {
    return count(text).grade();
  }

  /** The sentences, words and syllables of {@code text}. */
  public static Counts count(String text) {
    int words = 0;
    int syllables = 0;
    int sentences = 0;
    for (Sentence s : sentences(text)) {
      sentences++;
      words += s.counts().words();
      syllables += s.counts().syllables();
    }
    return new Counts(sentences, words, syllables);
  }

  /** The sentences of {@code text} that have words, in order. */
  public static List<Sentence> sentences(String text) {
    List<Sentence> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher end = SENTENCE_END.matcher(text);
    int from = 0;
    while (from < text.length()) {
      int to;
      int next;
      if (end.find(from)) {
        to = end.group().startsWith("\n") ? end.start() : end.end();
        next = end.end();
      } else {
        to = text.length();
        next = text.length();
      }
      add(text, from, to, out);
      from = Math.max(next, from + 1);
    }
    return out;
  }

  private static void add(String text, int from, int to, List<Sentence> out) {
    int words = 0;
    int syllables = 0;
    int first = -1;
    Matcher w = WORD.matcher(text).region(from, to);
    while (w.find()) {
      if (first < 0) {
        first = w.start();
      }
      words++;
      syllables += syllables(w.group());
    }
    if (words > 0) {
      out.add(new Sentence(first, to, new Counts(1, words, syllables)));
    }
  }

  /** The syllables of one word, by the heuristic above. */
  public static int syllables(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    String w = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("[^a-z]", "");
    if (w.length() <= 3) {
      return 1;
    }
    // An accented last letter (café) is said: only a plain ending can be silent.
    char last = lower.charAt(lower.length() - 1);
    if (last >= 'a' && last <= 'z') {
      w = silentEndingDropped(w);
    }
    int groups = 0;
    Matcher m = VOWELS.matcher(w);
    while (m.find()) {
      groups++;
    }
    return Math.max(1, groups);
  }

  private static String silentEndingDropped(String w) {
    int n = w.length();
    if (w.endsWith("es") && !w.endsWith("ses") && !w.endsWith("xes") && !w.endsWith("zes") && !w.endsWith("ches")
        && !w.endsWith("shes") && !w.endsWith("ces") && !w.endsWith("ges")) {
      return w.substring(0, n - 2);
    }
    if (w.endsWith("ed") && !w.endsWith("ted") && !w.endsWith("ded")) {
      return w.substring(0, n - 2);
    }
    if (w.endsWith("e") && !w.endsWith("ee") && !(w.endsWith("le") && !isVowel(w.charAt(n - 3)))) {
      return w.substring(0, n - 1);
    }
    return w;
  }

  private static boolean isVowel(char c) {
    return "aeiouy".indexOf(c) >= 0;
  }
}
