package dev.contentcreator.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentKindTest {
  private static Optional<DocumentKind> sniff(String s, String name) {
    return DocumentKind.sniff(s.getBytes(StandardCharsets.UTF_8), name);
  }

  @Test
  void aPdfIsToldByItsSignatureWhateverItsName() {
    assertEquals(Optional.of(DocumentKind.PDF), sniff("%PDF-1.7\n...", "notes.txt"));
  }

  @Test
  void htmlIsToldByItsFirstTag() {
    assertEquals(Optional.of(DocumentKind.HTML), sniff("\uFEFF  <!DOCTYPE html><html><body>x</body></html>", "page"));
    assertEquals(Optional.of(DocumentKind.HTML), sniff("<HTML><p>x</p>", null));
  }

  @Test
  void markdownByAHeadingOrItsName() {
    assertEquals(Optional.of(DocumentKind.MARKDOWN), sniff("intro\n\n## Tone\nwarm", "x"));
    assertEquals(Optional.of(DocumentKind.MARKDOWN), sniff("no heading", "Guide.MD"));
  }

  @Test
  void otherUtf8IsPlainText() {
    assertEquals(Optional.of(DocumentKind.TEXT), sniff("Just words, ünïcödé too. #hashtag", "a.txt"));
  }

  @Test
  void binaryAndOtherEncodingsAreNoKind() {
    assertEquals(Optional.empty(), DocumentKind.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, "x.md"));
    assertEquals(Optional.empty(), DocumentKind.sniff(new byte[] {'a', 0, 'b'}, "x.txt"));
    assertEquals(Optional.empty(), DocumentKind.sniff("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), "x.txt"));
  }
}
