package dev.contentcreator.core.generation;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How far a client has read a job's streamed text: for each item, which text (an epoch: every
 * attempt of an item streams a new text) and how many characters of it. It is the {@code id:} of
 * every event of a job's stream, and comes back as {@code Last-Event-ID} when the client resumes,
 * so the next stream sends exactly the text after it.
 *
 * <p>The form is {@code v1} followed by {@code ~<index>.<epoch>.<offset>} for each item that has
 * streamed text, in index order: {@code v1~0.k3x9a2.120~3.p0q1z8.45}. Indexes and offsets are
 * decimal, epochs are 1 to 12 lower-case letters and digits. Immutable.
 */
public final class StreamPosition {
  /** Nothing read yet. */
  public static final StreamPosition START = new StreamPosition(new TreeMap<>());
  static final int MAX_LENGTH = 16_384;
  static final int MAX_ITEMS = 1000;
  private static final String VERSION = "v1";
  private static final Pattern ENTRY = Pattern.compile("(0|[1-9][0-9]{0,5})\\.([0-9a-z]{1,12})\\.(0|[1-9][0-9]{0,8})");

  /** Where one item's text has been read to. */
  public record Mark(String epoch, int offset) {
    public Mark {
      Objects.requireNonNull(epoch, "epoch");
      if (offset < 0) {
        throw new IllegalArgumentException("offset must not be negative, got: " + offset);
      }
    }
  }

  private final Map<Integer, Mark> marks;

  private StreamPosition(TreeMap<Integer, Mark> marks) {
    this.marks = Collections.unmodifiableMap(marks);
  }

  /** Reads an id this class wrote; empty when it is not one. */
  public static Optional<StreamPosition> parse(String id) {
    if (id == null || id.length() > MAX_LENGTH || !id.startsWith(VERSION)) {
      return Optional.empty();
    }
    String rest = id.substring(VERSION.length());
    TreeMap<Integer, Mark> marks = new TreeMap<>();
    if (rest.isEmpty()) {
      return Optional.of(START);
    }
    if (!rest.startsWith("~")) {
      return Optional.empty();
    }
    String[] entries = rest.substring(1).split("~", -1);
    if (entries.length > MAX_ITEMS) {
      return Optional.empty();
    }
    for (String entry : entries) {
      var m = ENTRY.matcher(entry);
      if (!m.matches()) {
        return Optional.empty();
      }
      int index = Integer.parseInt(m.group(1));
      if (marks.put(index, new Mark(m.group(2), Integer.parseInt(m.group(3)))) != null) {
        return Optional.empty();
      }
    }
    return Optional.of(new StreamPosition(marks));
  }

  /** The mark of an item, or null when none of its text has been read. */
  public Mark mark(int index) {
    return marks.get(index);
  }

  /** This position with one item read to {@code offset} of the text {@code epoch}. */
  public StreamPosition with(int index, String epoch, int offset) {
    TreeMap<Integer, Mark> next = new TreeMap<>(marks);
    next.put(index, new Mark(epoch, offset));
    return new StreamPosition(next);
  }

  /** The id form described above. */
  public String format() {
    StringBuilder s = new StringBuilder(VERSION);
    marks.forEach((index, mark) -> s.append('~').append(index).append('.').append(mark.epoch()).append('.')
        .append(mark.offset()));
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StreamPosition p && p.marks.equals(marks);
  }

  @Override
  public int hashCode() {
    return marks.hashCode();
  }

  @Override
  public String toString() {
    return format();
  }
}
