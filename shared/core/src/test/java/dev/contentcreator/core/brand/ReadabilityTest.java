package dev.contentcreator.core.brand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadabilityTest {
  @ParameterizedTest(name = "{0} has {1}")
  @CsvSource({"cat, 1", "the, 1", "table, 2", "beautiful, 3", "make, 1", "jumped, 1", "wanted, 2", "horses, 2",
      "makes, 1", "goes, 1", "readability, 5", "syllable, 3", "education, 4", "agreed, 2", "facilitates, 4",
      "organizational, 6", "comprehensive, 4", "café, 2", "shh, 1", "2026, 1", "free, 1"})
  void countsSyllablesByVowelGroupsAfterSilentEndings(String word, int syllables) {
    assertEquals(syllables, Readability.syllables(word));
  }

  @Test
  void aPlainSentenceScoresBelowZero() {
    Readability.Counts c = Readability.count("The cat sat on the mat.");
    assertEquals(new Readability.Counts(1, 6, 6), c);
    assertEquals(-1.45, c.grade(), 1e-9);
  }

  @Test
  void longWordsRaiseTheGrade() {
    Readability.Counts c = Readability.count("Comprehensive documentation facilitates organizational understanding.");
    assertEquals(new Readability.Counts(1, 5, 23), c);
    assertEquals(40.64, c.grade(), 1e-9);
  }

  @Test
  void moreSentencesOfTheSameWordsLowerTheGrade() {
    Readability.Counts c = Readability.count("I like it. We went home!");
    assertEquals(new Readability.Counts(2, 6, 6), c);
    assertEquals(-2.62, c.grade(), 1e-9);
  }

  @Test
  void aRunOfPunctuationEndsOneSentence() {
    assertEquals(3, Readability.count("Wait... what?! Yes.").sentences());
  }

  @Test
  void aFullStopInsideANumberEndsNoSentence() {
    assertEquals(1, Readability.count("Prices rose 3.5 percent this year").sentences());
  }

  @Test
  void aBlankLineEndsAHeadingWithoutAFullStop() {
    List<Readability.Sentence> s = Readability.sentences("# A heading\n\nThe body. More of it");
    assertEquals(3, s.size());
    assertEquals(2, s.get(0).start());
    assertEquals(11, s.get(0).end());
    assertEquals("The body.", "# A heading\n\nThe body. More of it".substring(s.get(1).start(), s.get(1).end()));
  }

  @Test
  void aTextWithoutWordsHasGradeZero() {
    assertEquals(new Readability.Counts(0, 0, 0), Readability.count(" ... \n\n !"));
    assertEquals(0, Readability.grade(""));
    assertEquals(0, Readability.grade(null));
  }
}
