package dev.contentcreator.core.log;

import java.nio.charset.StandardCharsets;

/**
 * One JSON object written straight into a {@link StringBuilder}, for one log line: no tree, no
 * reflection, no lock. Null strings are left out. Names and values are escaped as JSON requires
 * (quote, backslash and every control character), so a message holding a newline stays one line.
 */
public final class JsonLine {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder text = new StringBuilder(384);
  private boolean comma;

  public JsonLine() {
    text.append('{');
  }

  /** Adds {@code "name":"value"}, unless the value is null. */
  public JsonLine string(String name, String value) {
    if (value != null) {
      name(name);
      quote(text, value);
    }
    return this;
  }

  public JsonLine number(String name, long value) {
    name(name);
    text.append(value);
    return this;
  }

  /** Opens an object held by {@code name}; {@link #close()} ends it. */
  public JsonLine open(String name) {
    name(name);
    text.append('{');
    comma = false;
    return this;
  }

  public JsonLine close() {
    text.append('}');
    comma = true;
    return this;
  }

  /** The finished object and a line feed, in UTF-8. */
  public byte[] finish() {
    text.append("}\n");
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void name(String name) {
    if (comma) {
      text.append(',');
    }
    quote(text, name);
    text.append(':');
    comma = true;
  }

  /** Appends {@code s} as a JSON string, copying runs that need no escape in one go. */
  static void quote(StringBuilder out, String s) {
    out.append('"');
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) {
        continue;
      }
      out.append(s, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    out.append(s, run, s.length()).append('"');
  }
}
