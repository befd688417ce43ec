package dev.contentcreator.core.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * A brand kit's image style preset: words added to every image prompt of the project, and the
 * aspect ratio and negative prompt an image gets when its request does not say otherwise. Any part
 * may be null.
 */
public record ImageStyle(String stylePrompt, String aspectRatio, String negativePrompt) {
  /** The longest style prompt and negative prompt, in characters. */
  public static final int MAX_STYLE = 500;
  public static final int MAX_NEGATIVE = 1000;
  /** What an aspect ratio looks like: two whole numbers such as 16:9. */
  public static final String RATIO = "[1-9]\\d?:[1-9]\\d?";

  /** Whether the preset changes anything. */
  public boolean isEmpty() {
    return blank(stylePrompt) && blank(aspectRatio) && blank(negativePrompt);
  }

  /** The prompt with the style added on a line of its own; the prompt as it is without one. */
  public String styled(String prompt) {
    return blank(stylePrompt) ? prompt : prompt.strip() + "\n\nStyle: " + stylePrompt.strip();
  }

  /**
   * The request's options with the preset's where the request gave none: the aspect ratio unless
   * the request sets a size, a width or height, or a ratio of its own; the negative prompt unless it
   * has one.
   */
  public Map<String, String> options(Map<String, String> asked) {
    Map<String, String> out = new TreeMap<>(asked);
    boolean shaped = asked.containsKey("aspectRatio") || asked.containsKey("size") || asked.containsKey("width")
        || asked.containsKey("height");
    if (!blank(aspectRatio) && !shaped) {
      out.put("aspectRatio", aspectRatio.strip());
    }
    if (!blank(negativePrompt) && !asked.containsKey("negativePrompt")) {
      out.put("negativePrompt", negativePrompt.strip());
    }
    return out;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
