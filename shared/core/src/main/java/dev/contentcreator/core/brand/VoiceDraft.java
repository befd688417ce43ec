package dev.contentcreator.core.brand;

import java.util.List;

/**
 * What a provider is asked to draft a brand voice from sample texts a person pasted: a style guide
 * (the voice's house instructions) that the person then edits before saving.
 */
public final class VoiceDraft {
  /** The most samples, the longest one, and the most text in all, in characters. */
  public static final int MAX_SAMPLES = 10;
  public static final int MAX_SAMPLE_LENGTH = 5_000;
  public static final int MAX_TOTAL = 15_000;
  /** What the provider is told it is doing. */
  public static final String SYSTEM = "You write brand style guides for copywriters. Answer with the guide only: "
      + "plain sentences in the second person, at most 200 words, no headings.";

  private VoiceDraft() {}

  /** The request: the samples, each set off, then what the guide should cover. */
  public static String prompt(List<String> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("a draft needs samples");
    }
    StringBuilder p = new StringBuilder("Write a brand voice style guide from these sample texts.");
    for (int i = 0; i < samples.size(); i++) {
      p.append("\n\nSample ").append(i + 1).append(":\n\"\"\"\n").append(samples.get(i).strip()).append("\n\"\"\"");
    }
    p.append("\n\nDescribe the tone, the sentence length, the words the samples favour and avoid, and how they "
        + "address the reader, so that new texts sound the same.");
    return p.toString();
  }

  /** The guide as the voice keeps it: trimmed, and cut to the voice's 4000 characters. */
  public static String guide(String answer) {
    String g = answer == null ? "" : answer.strip();
    return g.length() > 4000 ? g.substring(0, 4000).strip() : g;
  }
}
