package dev.contentcreator.core.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StreamPositionTest {
  @Test
  void aPositionReadsBackAsItWasWritten() {
    StreamPosition p = StreamPosition.START.with(3, "p0q1z8", 45).with(0, "k3x9a2", 120);
    assertEquals("v1~0.k3x9a2.120~3.p0q1z8.45", p.format());
    assertEquals(p, StreamPosition.parse(p.format()).orElseThrow());
    assertEquals(new StreamPosition.Mark("p0q1z8", 45), p.mark(3));
    assertNull(p.mark(1));
  }

  @Test
  void theStartIsJustTheVersion() {
    assertEquals("v1", StreamPosition.START.format());
    assertEquals(StreamPosition.START, StreamPosition.parse("v1").orElseThrow());
  }

  @Test
  void anythingElseIsRefused() {
    for (String bad : new String[] {"", "v2", "v1~", "v1~0.a", "v1~0.a.-1", "v1~0.A.1", "v1~01.a.1", "v1~0.a.1~0.b.2",
        "v1 ~0.a.1", "v1~0.a.1\n", "v1~0.abcdefghijklm.1", "v1~9999999.a.1", "0.x.-5,<script>", "v1~0.a.9999999999",
        "v1" + "~0.a.1".repeat(3000)}) {
      assertTrue(StreamPosition.parse(bad).isEmpty(), bad);
    }
  }
}
