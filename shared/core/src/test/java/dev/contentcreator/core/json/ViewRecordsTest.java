package dev.contentcreator.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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

  @Test
  void anApiAnswerWritesNullsUnlessItsViewSaysOtherwise() {
    assertEquals("{\"a\":null,\"b\":null}", Json.toApiTree(new Plain(null, null)).toString());
  }

  @Test
  void aSparseViewLeavesNullsOutDownToWhatItHolds() {
    assertEquals("{\"always\":null,\"nested\":{\"b\":1},\"list\":[{\"a\":\"x\"}]}",
        Json.toApiTree(new Sparse(null, null, new Plain(null, 1), List.of(new Plain("x", null)))).toString());
  }

  @Test
  void anInlinedRecordBringsItsFieldsAndItsOwnRuleOrNothing() {
    assertEquals("{\"id\":\"i\",\"colour\":null,\"hash\":\"h\"}",
        Json.toApiTree(new WithFacts("i", new Facts(null, "h"))).toString());
    assertEquals("{\"id\":\"i\"}", Json.toApiTree(new WithFacts("i", null)).toString());
    assertEquals("{\"a\":\"x\",\"extra\":\"e\"}", Json.toApiTree(new Extended(new Plain("x", null), "e")).toString());
  }
}
