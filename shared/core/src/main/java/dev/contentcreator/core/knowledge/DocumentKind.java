package dev.contentcreator.core.knowledge;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kinds of document brand knowledge reads, told from the bytes themselves, never from the
 * type a client claims: a PDF starts with {@code %PDF-}; an HTML page starts (after a byte-order
 * mark and white space) with a doctype, {@code <html}, {@code <head} or {@code <body}; anything
 * else must be UTF-8 text without NUL characters, Markdown when it has a Markdown heading line or
 * its name ends in {@code .md} or {@code .markdown}, plain text otherwise. Other bytes (images,
 * archives, other encodings) are no kind at all.
 */
public enum DocumentKind {
  PDF, HTML, MARKDOWN, TEXT;

  private static final Pattern MARKDOWN_HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s+\\S");
  private static final Pattern HTML_START = Pattern.compile("^(<!doctype\\s+html|<html|<head|<body)",
      Pattern.CASE_INSENSITIVE);

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind of {@code bytes}, named {@code name} (may be null), or empty when it is none of these. */
  public static Optional<DocumentKind> sniff(byte[] bytes, String name) {
    if (bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F' && bytes[4] == '-') {
      return Optional.of(PDF);
    }
    Optional<String> text = utf8(bytes);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String head = text.get().strip();
    if (HTML_START.matcher(head.length() > 200 ? head.substring(0, 200) : head).find()) {
      return Optional.of(HTML);
    }
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".md") || lower.endsWith(".markdown") || MARKDOWN_HEADING.matcher(text.get()).find()) {
      return Optional.of(MARKDOWN);
    }
    return Optional.of(TEXT);
  }

  /** The bytes as strict UTF-8 (a leading byte-order mark dropped), or empty when they are not text. */
  public static Optional<String> utf8(byte[] bytes) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      if (s.indexOf('\0') >= 0) {
        return Optional.empty();
      }
      return Optional.of(s.startsWith("\uFEFF") ? s.substring(1) : s);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
