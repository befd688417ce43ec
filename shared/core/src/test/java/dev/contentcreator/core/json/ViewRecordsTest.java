package dev.contentcreator.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.Role;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewRecordsTest {
  record Plain(String a, Integer b) {}

  @OmitNulls
  record Sparse(String a, @WriteNulls String always, Plain nested, List<Plain> list) {}

  @WriteNulls
  record Facts(String colour, String hash) {}

  @OmitNulls
  record WithFacts(String id, @Inline Facts facts) {}

  @OmitNulls
  record Extended(@Inline Plain base, String extra) {}

  /** The tree of an answer and the text written without it say the same. */
  private static void written(String expected, Object value) {
    assertEquals(expected, Json.toApiTree(value).toString(), "tree");
    assertEquals(expected, Json.toApiJson(value), "text");
  }

  @Test
  void anApiAnswerWritesNullsUnlessItsViewSaysOtherwise() {
    written("{\"a\":null,\"b\":null}", new Plain(null, null));
  }

  @Test
  void aSparseViewLeavesNullsOutDownToWhatItHolds() {
    written("{\"always\":null,\"nested\":{\"b\":1},\"list\":[{\"a\":\"x\"}]}",
        new Sparse(null, null, new Plain(null, 1), List.of(new Plain("x", null))));
  }

  @Test
  void anInlinedRecordBringsItsFieldsAndItsOwnRuleOrNothing() {
    written("{\"id\":\"i\",\"colour\":null,\"hash\":\"h\"}", new WithFacts("i", new Facts(null, "h")));
    written("{\"id\":\"i\"}", new WithFacts("i", null));
    written("{\"a\":\"x\",\"extra\":\"e\"}", new Extended(new Plain("x", null), "e"));
  }

  record Stamped(Instant at, Role role, Map<String, Object> extra) {}

  @Test
  void instantsEnumsMapsAndTreesAreWrittenAlikeEitherWay() {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("n", 1.5);
    extra.put("none", null);
    extra.put("html", "<a href='x'>&</a>");
    written("{\"at\":\"2026-12-04T10:11:12.345Z\",\"role\":\"editor\","
        + "\"extra\":{\"n\":1.5,\"none\":null,\"html\":\"<a href='x'>&</a>\"}}",
        new Stamped(Instant.parse("2026-12-04T10:11:12.345678Z"), Role.EDITOR, extra));
    JsonObject tree = new JsonObject();
    tree.add("gone", JsonNull.INSTANCE);
    tree.addProperty("k", 2);
    written("{\"gone\":null,\"k\":2}", tree);
  }
}
