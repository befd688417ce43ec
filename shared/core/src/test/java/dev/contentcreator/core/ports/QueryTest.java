package dev.contentcreator.core.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.Query.Direction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What a query may hold: an id prefix stands alone, and its end bounds every id it covers. */
class QueryTest {
  @Test
  void anIdPrefixStandsAlone() {
    assertThrows(IllegalStateException.class,
        () -> Query.on("usage").whereIdStartsWith("a").whereEqualTo("n", 1L).build());
    assertThrows(IllegalStateException.class,
        () -> Query.on("usage").whereIdStartsWith("a").orderBy("at", Direction.ASCENDING).build());
    assertThrows(IllegalStateException.class, () -> Query.on("usage").whereIdStartsWith("a")
        .orderBy("at", Direction.ASCENDING).range("at", "x", null).build());
    assertThrows(IllegalArgumentException.class, () -> Query.on("usage").whereIdStartsWith(""));
    assertThrows(IllegalArgumentException.class, () -> Query.on("usage").whereIdStartsWith("a/b"));
    assertEquals("a-", Query.on("usage").whereIdStartsWith("a-").limit(3).build().idPrefix());
  }

  @Test
  void thePrefixEndIsPastEveryIdThatStartsWithIt() {
    byte[] end = Query.idPrefixEnd("p-").getBytes(StandardCharsets.UTF_8);
    for (String id : new String[] {"p-", "p-a", "p-\u00ff\u00ff", "p-\uffff", "p-\ud83d\ude00z"}) {
      assertTrue(Arrays.compareUnsigned(id.getBytes(StandardCharsets.UTF_8), end) < 0, id);
    }
    assertTrue(Arrays.compareUnsigned("p.".getBytes(StandardCharsets.UTF_8), end) > 0);
  }
}
