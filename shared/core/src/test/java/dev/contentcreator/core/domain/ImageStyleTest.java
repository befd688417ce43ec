package dev.contentcreator.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageStyleTest {
  private final ImageStyle style = new ImageStyle(" watercolour, soft light ", "16:9", "text, logos");

  @Test
  void theStyleFollowsThePromptOnALineOfItsOwn() {
    assertEquals("A loaf of bread\n\nStyle: watercolour, soft light", style.styled(" A loaf of bread "));
  }

  @Test
  void withoutAStylePromptThePromptIsKept() {
    assertEquals(" as is ", new ImageStyle(null, "1:1", null).styled(" as is "));
  }

  @Test
  void theRatioAndNegativePromptFillWhatTheRequestLeftOut() {
    assertEquals(Map.of("aspectRatio", "16:9", "negativePrompt", "text, logos", "quality", "hd"),
        style.options(Map.of("quality", "hd")));
  }

  @Test
  void aRequestThatShapesTheImageKeepsItsShape() {
    assertEquals(Map.of("size", "512x512", "negativePrompt", "text, logos"), style.options(Map.of("size", "512x512")));
    assertEquals("4:3", style.options(Map.of("aspectRatio", "4:3")).get("aspectRatio"));
    assertFalse(style.options(Map.of("width", "64", "height", "64")).containsKey("aspectRatio"));
    assertEquals("blur", style.options(Map.of("negativePrompt", "blur")).get("negativePrompt"));
  }

  @Test
  void aPresetOfBlanksIsEmpty() {
    assertTrue(new ImageStyle(" ", null, "").isEmpty());
    assertFalse(style.isEmpty());
    assertTrue("16:9".matches(ImageStyle.RATIO));
    assertFalse("0:9".matches(ImageStyle.RATIO));
    assertFalse("169".matches(ImageStyle.RATIO));
  }
}
