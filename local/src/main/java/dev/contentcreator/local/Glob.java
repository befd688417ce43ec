package dev.contentcreator.local;

import java.util.regex.Pattern;

/**
 * Firebase Hosting's glob patterns for {@code source}: {@code **} matches any run of characters
 * including slashes, {@code *} any run within one path segment, {@code ?} one character, and
 * {@code {a,b}} either branch. Everything else is literal.
 */
final class Glob {
  private Glob() {}

  static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder("^");
    int braces = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            i++;
            // "/**" also matches the folder itself: "/api/**" matches "/api".
            if (re.length() > 1 && re.charAt(re.length() - 1) == '/') {
              re.setLength(re.length() - 1);
              re.append("(?:/.*)?");
            } else {
              re.append(".*");
            }
          } else {
            re.append("[^/]*");
          }
        }
        case '?' -> re.append("[^/]");
        case '{' -> {
          braces++;
          re.append("(?:");
        }
        case '}' -> {
          if (braces == 0) {
            throw new IllegalArgumentException("unbalanced } in glob: " + glob);
          }
          braces--;
          re.append(')');
        }
        case ',' -> re.append(braces > 0 ? "|" : ",");
        default -> re.append(Character.isLetterOrDigit(c) || c == '/' ? String.valueOf(c) : "\\" + c);
      }
    }
    if (braces != 0) {
      throw new IllegalArgumentException("unbalanced { in glob: " + glob);
    }
    return Pattern.compile(re.append('$').toString());
  }
}
