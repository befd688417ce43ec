package dev.contentcreator.core.brand;

import dev.contentcreator.core.domain.BrandVoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a text against a brand voice's rules and says what breaks them, each finding with the
 * passage it is about. Terms match case-insensitively and as whole words (a term does not match
 * inside a longer word; a phrase matches across any run of spaces or line breaks). Pure and
 * thread-safe; findings are advice, never a reason to refuse a text.
 */
public final class BrandRules {
  /** The most findings one banned term reports, and all rules together: a text full of one word says so once enough. */
  static final int MAX_PER_TERM = 20;
  static final int MAX_FINDINGS = 100;
  /** How much of the text past the word limit a max-words finding quotes. */
  static final int OVERFLOW_QUOTE = 120;

  private final BrandVoice voice;
  private final List<Pattern> banned;
  private final List<Pattern> required;

  private BrandRules(BrandVoice voice) {
    this.voice = voice;
    this.banned = voice.bannedWords().stream().filter(t -> !t.isBlank()).map(BrandRules::pattern).toList();
    this.required = voice.requiredTerms().stream().filter(t -> !t.isBlank()).map(BrandRules::pattern).toList();
  }

  /** The rules of {@code voice}; a null voice has none. */
  public static BrandRules of(BrandVoice voice) {
    return new BrandRules(voice == null ? new BrandVoice(null, null, null) : voice);
  }

  /** Whether any rule can find something. */
  public boolean isEmpty() {
    return !voice.hasRules();
  }

  /**
   * What breaks the rules in {@code text}, in this order: banned terms (by term, then position),
   * missing required terms, the length, the reading level. Empty when the text keeps every rule.
   */
  public List<Finding> check(String text) {
    String t = text == null ? "" : text;
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < banned.size(); i++) {
      String term = voice.bannedWords().get(i).strip();
      Matcher m = banned.get(i).matcher(t);
      int n = 0;
      while (m.find() && n++ < MAX_PER_TERM) {
        findings.add(Finding.at(Finding.BANNED, "Uses the banned term \"" + term + "\".", t, m.start(), m.end()));
      }
    }
    for (int i = 0; i < required.size(); i++) {
      if (!required.get(i).matcher(t).find()) {
        findings.add(Finding.whole(Finding.REQUIRED,
            "Does not use the required term \"" + voice.requiredTerms().get(i).strip() + "\"."));
      }
    }
    lengthFindings(t, findings);
    gradeFinding(t, findings);
    return findings.size() > MAX_FINDINGS ? List.copyOf(findings.subList(0, MAX_FINDINGS)) : List.copyOf(findings);
  }

  private void lengthFindings(String t, List<Finding> findings) {
    if (voice.minWords() == null && voice.maxWords() == null) {
      return;
    }
    List<int[]> words = new ArrayList<>();
    Matcher m = Readability.WORD.matcher(t);
    while (m.find()) {
      words.add(new int[] {m.start(), m.end()});
    }
    int count = words.size();
    if (voice.minWords() != null && count < voice.minWords()) {
      findings.add(Finding.whole(Finding.MIN_WORDS,
          "Has " + count + " words, fewer than the " + voice.minWords() + " required."));
    }
    if (voice.maxWords() != null && count > voice.maxWords()) {
      int start = words.get(voice.maxWords())[0];
      int end = Math.min(t.length(), start + OVERFLOW_QUOTE);
      // End the quote after a whole word where the limit falls inside one.
      for (int[] w : words) {
        if (w[0] < end && w[1] > end) {
          end = w[1];
        }
      }
      findings.add(Finding.at(Finding.MAX_WORDS, "Has " + count + " words, more than the " + voice.maxWords()
          + " allowed; the words past the limit start here.", t, start, end));
    }
  }

  private void gradeFinding(String t, List<Finding> findings) {
    if (voice.maxReadingGrade() == null) {
      return;
    }
    List<Readability.Sentence> sentences = Readability.sentences(t);
    double grade = Readability.count(t).grade();
    if (sentences.isEmpty() || grade <= voice.maxReadingGrade()) {
      return;
    }
    Readability.Sentence hardest = sentences.get(0);
    for (Readability.Sentence s : sentences) {
      if (s.counts().grade() > hardest.counts().grade()) {
        hardest = s;
      }
    }
    findings.add(Finding.at(Finding.READING_GRADE, String.format(Locale.ROOT,
        "Reads at grade %.1f, above the %s allowed; the hardest sentence is quoted.", grade,
        String.format(Locale.ROOT, "%.1f", voice.maxReadingGrade())), t, hardest.start(), hardest.end()));
  }

  /** A term as a case-insensitive whole-word pattern; its spaces match any run of white space. */
  static Pattern pattern(String term) {
    String[] parts = term.strip().split("\\s+");
    StringBuilder p = new StringBuilder("(?<![\\p{L}\\p{N}])");
    for (int i = 0; i < parts.length; i++) {
      p.append(i > 0 ? "\\s+" : "").append(Pattern.quote(parts[i]));
    }
    p.append("(?![\\p{L}\\p{N}])");
    return Pattern.compile(p.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
