package dev.contentcreator.core.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a document's text into passages for embedding. The rules:
 * <ol>
 *   <li>The text is read as blocks separated by blank lines. A Markdown heading line ({@code #} to
 *       {@code ######}) ends the passage being filled and becomes the heading of those after it,
 *       so no passage spans two sections.
 *   <li>Blocks are added to a passage while it stays within {@link #MAX_WORDS} words (about 500
 *       tokens of English: a token is about three quarters of a word); the block that would pass the
 *       limit starts the next passage.
 *   <li>A block longer than the limit on its own is cut at sentence ends, and a sentence longer
 *       than the limit at word boundaries.
 *   <li>A passage after the first of a section starts with the last {@link #OVERLAP_WORDS} words of
 *       the one before (on top of the limit), so a fact split across a boundary is whole in one of them.
 * </ol>
 * Whitespace inside a block is collapsed to single spaces. Empty text has no passages.
 */
public final class PassageSplitter {
  public static final int MAX_WORDS = 380;
  public static final int OVERLAP_WORDS = 40;
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.+?)\\s*#*\\s*$");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

  private final int maxWords;
  private final int overlapWords;

  private PassageSplitter(int maxWords, int overlapWords) {
    if (maxWords < 10) {
      throw new IllegalArgumentException("maxWords must be at least 10, got: " + maxWords);
    }
    if (overlapWords < 0 || overlapWords >= maxWords / 2) {
      throw new IllegalArgumentException("overlapWords must be from 0 to below half of maxWords, got: " + overlapWords);
    }
    this.maxWords = maxWords;
    this.overlapWords = overlapWords;
  }

  /** The splitter of the product: {@value #MAX_WORDS} words, {@value #OVERLAP_WORDS} of overlap. */
  public static PassageSplitter standard() {
    return new PassageSplitter(MAX_WORDS, OVERLAP_WORDS);
  }

  /** A splitter of other sizes (tests). */
  public static PassageSplitter of(int maxWords, int overlapWords) {
    return new PassageSplitter(maxWords, overlapWords);
  }

  public List<Passage> split(String text) {
    List<Passage> passages = new ArrayList<>();
    String heading = "";
    List<String> current = new ArrayList<>();
    // Words added since the last passage: a passage of only the overlap it carried is not made.
    int added = 0;
    for (String block : blocks(text.replace("\r\n", "\n").replace('\r', '\n'))) {
      Matcher h = HEADING.matcher(block);
      if (h.matches()) {
        if (added > 0) {
          flush(passages, heading, current);
        }
        current = new ArrayList<>();
        added = 0;
        heading = h.group(2).strip();
        continue;
      }
      for (List<String> piece : pieces(words(block), block)) {
        if (added > 0 && current.size() + piece.size() > maxWords) {
          List<String> tail = new ArrayList<>(current.subList(Math.max(0, current.size() - overlapWords), current.size()));
          flush(passages, heading, current);
          current = tail;
          added = 0;
        }
        current.addAll(piece);
        added += piece.size();
      }
    }
    if (added > 0) {
      flush(passages, heading, current);
    }
    return passages;
  }

  /** Pieces of one block that each fit the limit: the block, or its sentences, or runs of words. */
  private List<List<String>> pieces(List<String> words, String block) {
    if (words.isEmpty()) {
      return List.of();
    }
    if (words.size() <= maxWords) {
      return List.of(words);
    }
    List<List<String>> pieces = new ArrayList<>();
    List<String> piece = new ArrayList<>();
    for (String sentence : SENTENCE_END.split(block.strip())) {
      List<String> sw = words(sentence);
      if (sw.size() > maxWords - overlapWords) {
        for (int from = 0; from < sw.size(); from += maxWords - overlapWords) {
          pieces.add(sw.subList(from, Math.min(sw.size(), from + maxWords - overlapWords)));
        }
        continue;
      }
      if (piece.size() + sw.size() > maxWords - overlapWords) {
        pieces.add(piece);
        piece = new ArrayList<>();
      }
      piece.addAll(sw);
    }
    if (!piece.isEmpty()) {
      pieces.add(piece);
    }
    return pieces;
  }

  private static void flush(List<Passage> passages, String heading, List<String> words) {
    if (!words.isEmpty()) {
      passages.add(new Passage(passages.size(), heading, String.join(" ", words)));
    }
  }

  private static List<String> words(String s) {
    String t = s.strip();
    return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
  }

  /** Blocks between blank lines; a heading line is a block of its own even without blank lines around it. */
  private static List<String> blocks(String text) {
    List<String> blocks = new ArrayList<>();
    StringBuilder block = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.isBlank() || HEADING.matcher(line).matches()) {
        if (block.length() > 0) {
          blocks.add(block.toString());
          block.setLength(0);
        }
        if (!line.isBlank()) {
          blocks.add(line);
        }
        continue;
      }
      if (block.length() > 0) {
        block.append('\n');
      }
      block.append(line);
    }
    if (block.length() > 0) {
      blocks.add(block.toString());
    }
    return blocks;
  }
}
