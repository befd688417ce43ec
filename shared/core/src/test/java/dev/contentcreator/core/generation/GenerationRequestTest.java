package dev.contentcreator.core.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.http.FieldError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerationRequestTest {
  private static List<String> fields(Map<String, String> options) {
    return GenerationRequest.checkOptions(options).stream().map(FieldError::field).sorted().toList();
  }

  @Test
  void knownOptionsWithGoodValuesPass() {
    assertTrue(fields(Map.of("size", "1024x1024", "aspectRatio", "16:9", "duration", "10", "mode", "pro",
        "maxTokens", "500", "temperature", "0.7", "index", "2")).isEmpty());
  }

  @Test
  void anUnknownOptionIsNamed() {
    assertEquals(List.of("options.colour"), fields(Map.of("colour", "red")));
  }

  @Test
  void valuesOutOfRangeAreNamed() {
    assertEquals(List.of("options.duration", "options.maxTokens", "options.size", "options.temperature"),
        fields(Map.of("size", "4096x4096", "duration", "7", "maxTokens", "0", "temperature", "3")));
  }

  @Test
  void widthNeedsHeight() {
    assertEquals(List.of("options.width"), fields(Map.of("width", "512")));
  }
}
