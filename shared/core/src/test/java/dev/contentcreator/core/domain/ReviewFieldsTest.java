package dev.contentcreator.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonParser;
import dev.contentcreator.core.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Documents stored before review existed read with the review fields' defaults; no migration. */
class ReviewFieldsTest {
  @Test
  void aContentItemStoredWithoutAStatusReadsAsDraft() {
    ContentItem c = Json.fromTree(JsonParser.parseString("{\"id\":\"c1\",\"projectId\":\"p1\",\"kind\":\"text\","
        + "\"title\":\"T\",\"currentVersion\":1,\"latestVersion\":1,\"demo\":false,\"version\":3}"), ContentItem.class);
    assertEquals(ReviewStatus.DRAFT, c.reviewStatus());
  }

  @Test
  void aStatusIsStoredByItsWireNameAndReadBack() {
    ContentItem c = new ContentItem("c1", "p1", ContentKind.TEXT, "T", 1, 1, null, null, false, "u", Instant.EPOCH,
        Instant.EPOCH, 1).withReviewStatus(ReviewStatus.CHANGES_REQUESTED, Instant.EPOCH.plusSeconds(1));
    var tree = Json.toTree(c).getAsJsonObject();
    assertEquals("changes_requested", tree.get("reviewStatus").getAsString());
    assertEquals(2, tree.get("version").getAsLong());
    assertEquals(ReviewStatus.CHANGES_REQUESTED, Json.fromTree(tree, ContentItem.class).reviewStatus());
  }

  @Test
  void aMemberStoredWithoutTheFlagIsNoReviewer() {
    Member m = Json.fromTree(JsonParser.parseString("{\"projectId\":\"p1\",\"uid\":\"u1\",\"role\":\"viewer\"}"),
        Member.class);
    assertFalse(m.reviewer());
    assertEquals("u1", m.shownName());
  }
}
