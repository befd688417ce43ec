package dev.contentcreator.core.brand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.domain.BrandVoice;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrandRulesTest {
  private static BrandRules banned(String... terms) {
    return BrandRules.of(new BrandVoice(null, null, List.of(terms)));
  }

  private static BrandRules required(String... terms) {
    return BrandRules.of(new BrandVoice(null, null, null, List.of(terms), null, null, null));
  }

  private static BrandRules words(Integer min, Integer max) {
    return BrandRules.of(new BrandVoice(null, null, null, null, min, max, null));
  }

  @Test
  void aBannedTermIsFoundInAnyCaseWithItsPassageAndOffsets() {
    String text = "Cheap tricks. Not CHEAP at all.";
    assertEquals(List.of(
        new Finding(Finding.BANNED, "Uses the banned term \"cheap\".", "Cheap", 0, 5),
        new Finding(Finding.BANNED, "Uses the banned term \"cheap\".", "CHEAP", 18, 23)),
        banned("cheap").check(text));
  }

  @Test
  void aBannedTermDoesNotMatchInsideALongerWord() {
    assertEquals(List.of(), banned("cheap", "art").check("Cheaper cheapest; a smart start, artistic."));
  }

  @Test
  void aBannedPhraseMatchesAcrossAnyWhiteSpace() {
    List<Finding> f = banned("world class").check("A World\n  class team.");
    assertEquals(1, f.size());
    assertEquals("World\n  class", f.get(0).passage());
    assertEquals(2, f.get(0).start());
    assertEquals(15, f.get(0).end());
  }

  @Test
  void aBannedTermWithSymbolsMatchesLiterally() {
    assertEquals(1, banned("c++").check("We use C++ daily.").size());
    assertEquals(List.of(), banned("a.b").check("axb"));
  }

  @Test
  void aBannedTermIsReportedAtMostTwentyTimes() {
    assertEquals(BrandRules.MAX_PER_TERM, banned("la").check("la ".repeat(50)).size());
  }

  @Test
  void allFindingsTogetherStopAtOneHundred() {
    String[] terms = {"a", "b", "c", "d", "e", "f"};
    assertEquals(BrandRules.MAX_FINDINGS, banned(terms).check("a b c d e f ".repeat(30)).size());
  }

  @Test
  void aMissingRequiredTermIsFoundWithoutAPassage() {
    assertEquals(List.of(new Finding(Finding.REQUIRED, "Does not use the required term \"Acme\".", null, null, null)),
        required("Acme").check("Our brands: acmes and more."));
  }

  @Test
  void aRequiredTermPresentInAnyCaseIsNoFinding() {
    assertEquals(List.of(), required("Acme", "fresh bread").check("ACME bakes fresh\nbread."));
  }

  @Test
  void tooFewWordsIsAFindingAboutTheWholeText() {
    assertEquals(List.of(new Finding(Finding.MIN_WORDS, "Has 3 words, fewer than the 5 required.", null, null, null)),
        words(5, null).check("One two three."));
  }

  @Test
  void tooManyWordsQuotesTheWordsPastTheLimit() {
    List<Finding> f = words(null, 3).check("one two three four five");
    assertEquals(1, f.size());
    assertEquals(Finding.MAX_WORDS, f.get(0).rule());
    assertEquals("four five", f.get(0).passage());
    assertEquals(14, f.get(0).start());
    assertEquals(23, f.get(0).end());
    assertTrue(f.get(0).message().startsWith("Has 5 words, more than the 3 allowed"));
  }

  @Test
  void theOverflowQuoteEndsAfterAWholeWord() {
    String text = "x " + "abcdefghij ".repeat(20);
    Finding f = words(null, 1).check(text).get(0);
    assertEquals(2, f.start());
    assertTrue(f.passage().endsWith("abcdefghij"), f.passage());
    assertTrue(f.passage().length() >= BrandRules.OVERFLOW_QUOTE);
  }

  @Test
  void aLengthWithinTheBoundsIsNoFinding() {
    assertEquals(List.of(), words(3, 3).check("one two three"));
  }

  @Test
  void aTextAboveTheGradeQuotesItsHardestSentence() {
    String text = "The cat sat. Comprehensive documentation facilitates organizational understanding. We went home.";
    List<Finding> f = BrandRules.of(new BrandVoice(null, null, null, null, null, null, 8.0)).check(text);
    assertEquals(1, f.size());
    assertEquals(Finding.READING_GRADE, f.get(0).rule());
    assertEquals("Comprehensive documentation facilitates organizational understanding.", f.get(0).passage());
    assertEquals(text.indexOf("Comprehensive"), f.get(0).start());
    assertTrue(f.get(0).message().contains("above the 8.0 allowed"), f.get(0).message());
  }

  @Test
  void aTextAtOrBelowTheGradeIsNoFinding() {
    assertEquals(List.of(), BrandRules.of(new BrandVoice(null, null, null, null, null, null, 1.0))
        .check("The cat sat on the mat."));
  }

  @Test
  void findingsComeInRuleOrder() {
    BrandRules rules = BrandRules.of(new BrandVoice(null, null, List.of("bad"), List.of("good"), null, 2, 1.0));
    List<String> order = rules.check("A bad organizational understanding.").stream().map(Finding::rule).toList();
    assertEquals(List.of(Finding.BANNED, Finding.REQUIRED, Finding.MAX_WORDS, Finding.READING_GRADE), order);
  }

  @Test
  void noVoiceOrAVoiceWithoutRulesFindsNothing() {
    assertTrue(BrandRules.of(null).isEmpty());
    assertEquals(List.of(), BrandRules.of(null).check("anything cheap"));
    assertTrue(BrandRules.of(new BrandVoice("You are a baker.", "warm", List.of())).isEmpty());
    assertEquals(List.of(), banned("x").check(null));
  }

  @Test
  void aFindingsPassageComesWithBothOffsets() {
    assertThrows(IllegalArgumentException.class, () -> new Finding("r", "m", "p", 1, null));
    assertThrows(IllegalArgumentException.class, () -> new Finding("r", "m", null, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> new Finding("r", "m", "p", 3, 2));
    assertThrows(IllegalArgumentException.class, () -> new Finding(null, "m", null, null, null));
  }
}
