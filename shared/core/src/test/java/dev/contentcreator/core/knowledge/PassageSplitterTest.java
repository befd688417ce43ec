package dev.contentcreator.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PassageSplitterTest {
  private static String words(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> prefix + i).collect(Collectors.joining(" "));
  }

  @Test
  void emptyTextHasNoPassages() {
    assertEquals(List.of(), PassageSplitter.standard().split("  \n\n \n"));
  }

  @Test
  void shortParagraphsOfOneSectionShareOnePassage() {
    List<Passage> p = PassageSplitter.standard().split("First paragraph.\n\nSecond   paragraph\nwraps here.");
    assertEquals(1, p.size());
    assertEquals("First paragraph. Second paragraph wraps here.", p.get(0).text());
    assertEquals("", p.get(0).heading());
  }

  @Test
  void aHeadingStartsANewPassageAndNamesIt() {
    List<Passage> p = PassageSplitter.standard().split("Intro text.\n# Returns\nRefunds within 30 days.\n\n## Shipping ##\nShips in 2 days.");
    assertEquals(List.of("", "Returns", "Shipping"), p.stream().map(Passage::heading).toList());
    assertEquals("Refunds within 30 days.", p.get(1).text());
    assertEquals("Returns\nRefunds within 30 days.", p.get(1).embeddedText());
    assertEquals(List.of(0, 1, 2), p.stream().map(Passage::index).toList());
  }

  @Test
  void aHeadingWithNothingUnderItMakesNoPassage() {
    List<Passage> p = PassageSplitter.standard().split("# Empty\n\n# Full\nSomething.");
    assertEquals(1, p.size());
    assertEquals("Full", p.get(0).heading());
  }

  @Test
  void paragraphsPastTheLimitStartANewPassageThatOverlapsTheLastOne() {
    PassageSplitter s = PassageSplitter.of(20, 5);
    List<Passage> p = s.split(words("a", 12) + "\n\n" + words("b", 12));
    assertEquals(2, p.size());
    assertEquals(words("a", 12), p.get(0).text());
    // The last five words of the first passage lead the second.
    assertEquals("a7 a8 a9 a10 a11 " + words("b", 12), p.get(1).text());
  }

  @Test
  void aLongParagraphIsCutAtSentencesAndEveryWordIsKept() {
    PassageSplitter s = PassageSplitter.of(20, 4);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      text.append(words("s" + i + "w", 6)).append(". ");
    }
    List<Passage> p = s.split(text.toString());
    assertTrue(p.size() > 2, "cut into several: " + p.size());
    for (Passage passage : p) {
      assertTrue(passage.text().split(" ").length <= 20 + 4, passage.text());
    }
    String all = p.stream().map(Passage::text).collect(Collectors.joining(" "));
    for (int i = 0; i < 10; i++) {
      assertTrue(all.contains("s" + i + "w5."), "sentence " + i + " kept");
    }
  }

  @Test
  void aSentenceLongerThanTheLimitIsCutAtWords() {
    List<Passage> p = PassageSplitter.of(20, 4).split(words("x", 50));
    assertTrue(p.size() >= 3);
    assertTrue(p.get(p.size() - 1).text().endsWith("x49"));
  }

  @Test
  void theStandardSizeIsAbout500Tokens() {
    List<Passage> p = PassageSplitter.standard().split(words("w", 1000));
    assertTrue(p.size() >= 3);
    assertTrue(p.get(0).text().split(" ").length <= PassageSplitter.MAX_WORDS);
  }
}
