package dev.contentcreator.core.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.contentcreator.core.domain.Anchor;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.JsonBody;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnchorsTest {
  private static final String V1 = "The quick brown fox jumps over the lazy dog.";

  private static Anchor on(String text, String quote) {
    int at = text.indexOf(quote);
    return Anchor.text(quote, at, at + quote.length());
  }

  @Test
  void anAnchorStillAtItsOffsetsIsUnchanged() {
    Anchor a = on(V1, "brown fox");
    assertSame(a, Anchors.relocate(a, V1 + " More text after."));
  }

  @Test
  void aPassageMovedByAnInsertionBeforeItIsFoundAtItsNewOffsets() {
    Anchor a = on(V1, "lazy dog");
    String v2 = "Preface. " + V1;
    Anchor moved = Anchors.relocate(a, v2);
    assertEquals(v2.indexOf("lazy dog"), moved.start());
    assertEquals(v2.indexOf("lazy dog") + 8, moved.end());
    assertEquals("lazy dog", v2.substring(moved.start(), moved.end()));
    assertNull(moved.detached());
  }

  @Test
  void ofSeveralOccurrencesTheOneNearestTheOldStartWins() {
    Anchor second = Anchor.text("cat", 9, 12);
    String v2 = "cat 1. cat two. cat three.";
    Anchor moved = Anchors.relocate(second, v2);
    assertEquals(7, moved.start(), "the second cat, now 2 characters earlier, not the first or third");
    assertEquals(10, moved.end());
    Anchor third = Anchor.text("cat", 18, 21);
    assertEquals(16, Anchors.relocate(third, v2).start());
  }

  @Test
  void ofTwoOccurrencesAsNearTheEarlierWins() {
    Anchor a = Anchor.text("ab", 5, 7);
    assertEquals(3, Anchors.relocate(a, "xxxab__ab").start());
  }

  @Test
  void aPassageThatNoLongerExistsIsDetachedWithoutOffsets() {
    Anchor a = on(V1, "lazy dog");
    Anchor gone = Anchors.relocate(a, "The quick brown fox jumps over the sleeping cat.");
    assertEquals(Boolean.TRUE, gone.detached());
    assertNull(gone.start());
    assertNull(gone.end());
    assertEquals("lazy dog", gone.quote());
  }

  @Test
  void aPassageReflowedWithOtherWhiteSpaceIsFoundWithItsNewText() {
    Anchor a = on(V1, "jumps over the");
    String v2 = "The quick brown fox jumps\nover  the lazy dog.";
    Anchor moved = Anchors.relocate(a, v2);
    assertEquals("jumps\nover  the", v2.substring(moved.start(), moved.end()));
    assertEquals("jumps\nover  the", moved.quote());
  }

  @Test
  void anAnchorPastTheEndOfAShorterTextIsLookedForNotCut() {
    Anchor a = on(V1, "dog.");
    Anchor moved = Anchors.relocate(a, "dog.");
    assertEquals(0, moved.start());
    assertEquals(4, moved.end());
  }

  @Test
  void pointsAndMissingTextPassUnchanged() {
    Anchor p = Anchor.point(0.5, 0.25);
    assertSame(p, Anchors.relocate(p, "anything"));
    Anchor t = on(V1, "fox");
    assertSame(t, Anchors.relocate(t, null));
    assertNull(Anchors.relocate(null, V1));
  }

  @Test
  void aQuoteMustBeTheTextAtItsOffsets() {
    Anchors.check(on(V1, "brown"), ContentKind.TEXT, V1);
    assertEquals(422, assertThrows(ApiException.class,
        () -> Anchors.check(Anchor.text("brown", 0, 5), ContentKind.TEXT, V1)).status());
    assertEquals(422, assertThrows(ApiException.class,
        () -> Anchors.check(Anchor.text("dog.!", 40, 45), ContentKind.TEXT, V1)).status());
  }

  @Test
  void aTextAnchorFitsTextsAndAPointFitsImagesOnly() {
    assertEquals(422, assertThrows(ApiException.class,
        () -> Anchors.check(Anchor.point(0.1, 0.1), ContentKind.TEXT, V1)).status());
    assertEquals(422, assertThrows(ApiException.class,
        () -> Anchors.check(Anchor.text("a", 0, 1), ContentKind.IMAGE, null)).status());
    assertEquals(422, assertThrows(ApiException.class,
        () -> Anchors.check(Anchor.point(0.1, 0.1), ContentKind.VIDEO, null)).status());
    Anchors.check(Anchor.point(0, 1), ContentKind.IMAGE, null);
  }

  private static Optional<Anchor> parse(String json) {
    JsonBody body = JsonBody.of(JsonParser.parseString(json).getAsJsonObject());
    Optional<Anchor> a = Anchors.parse(body);
    body.finish();
    return a;
  }

  @Test
  void parsesEachKindAndNone() {
    assertTrue(parse("{}").isEmpty());
    assertTrue(parse("{\"anchor\": null}").isEmpty());
    assertEquals(Anchor.text("fox", 16, 19), parse("{\"anchor\":{\"type\":\"text\",\"quote\":\"fox\",\"start\":16,\"end\":19}}").get());
    assertEquals(Anchor.point(0.5, 1.0), parse("{\"anchor\":{\"type\":\"point\",\"x\":0.5,\"y\":1}}").get());
  }

  @Test
  void malformedAnchorsAre400() {
    for (String bad : new String[] {
        "{\"anchor\": 3}",
        "{\"anchor\":{\"type\":\"circle\"}}",
        "{\"anchor\":{\"quote\":\"fox\",\"start\":1,\"end\":4}}",
        "{\"anchor\":{\"type\":\"text\",\"quote\":\"\",\"start\":1,\"end\":1}}",
        "{\"anchor\":{\"type\":\"text\",\"quote\":\"fox\",\"start\":1}}",
        "{\"anchor\":{\"type\":\"text\",\"quote\":\"fox\",\"start\":1,\"end\":9}}",
        "{\"anchor\":{\"type\":\"text\",\"quote\":\"fox\",\"start\":-1,\"end\":2}}",
        "{\"anchor\":{\"type\":\"point\",\"x\":1.5,\"y\":0}}",
        "{\"anchor\":{\"type\":\"point\",\"x\":0.5}}",
        "{\"anchor\":{\"type\":\"point\",\"x\":0.5,\"y\":0.5,\"z\":1}}"}) {
      assertEquals(400, assertThrows(ApiException.class, () -> parse(bad), bad).status(), bad);
    }
  }
}
