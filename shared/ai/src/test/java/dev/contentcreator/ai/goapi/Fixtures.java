package dev.contentcreator.ai.goapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Golden GoAPI answers and webhook bodies under {@code src/test/resources/goapi}. */
final class Fixtures {
  private Fixtures() { }

  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/goapi/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture goapi/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
