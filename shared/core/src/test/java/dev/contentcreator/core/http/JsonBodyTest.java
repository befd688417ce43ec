package dev.contentcreator.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How a JSON body is read before any endpoint sees it. */
class JsonBodyTest {
  private static JsonBody parse(String text) {
    return JsonBody.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aNameGivenTwiceIsRefusedAndNamed() {
    ApiException e = assertThrows(ApiException.class, () -> parse("{\"name\":\"a\",\"name\":\"b\"}"));
    assertEquals(400, e.status());
    assertEquals("name", e.errors().get(0).field());
    assertTrue(e.errors().get(0).message().contains("twice"), e.errors().toString());
  }

  @Test
  void aNameGivenTwiceInANestedObjectIsRefusedWithItsPath() {
    ApiException e = assertThrows(ApiException.class,
        () -> parse("{\"brandVoice\":{\"tone\":\"a\",\"tone\":\"b\"}}"));
    assertEquals("brandVoice.tone", e.errors().get(0).field());
  }

  @Test
  void nestingDeeperThanTheLimitIsRefused() {
    String deep = "{\"a\":" + "[".repeat(JsonBody.MAX_DEPTH) + "]".repeat(JsonBody.MAX_DEPTH) + "}";
    ApiException e = assertThrows(ApiException.class, () -> parse(deep));
    assertEquals(400, e.status());
    assertTrue(e.detail().contains("nested"), e.detail());
  }

  @Test
  void tenThousandLevelsAreA400NotAStackOverflow() {
    ApiException e = assertThrows(ApiException.class,
        () -> parse("[".repeat(10_000) + "]".repeat(10_000)));
    assertEquals(400, e.status());
  }

  @Test
  void ordinaryBodiesReadAsBefore() {
    JsonBody b = parse("{\"name\":\" Tea \",\"count\":3,\"fresh\":true,\"options\":{\"size\":\"1024x1024\"},"
        + "\"words\":[\"a\",\"b\"],\"none\":null}");
    assertEquals("Tea", b.string("name", 1, 10).orElseThrow());
    assertEquals(3, b.integer("count", 1, 1, 100));
    assertEquals(true, b.bool("fresh").orElseThrow());
    assertEquals("1024x1024", b.object("options").orElseThrow().get("size").getAsString());
    assertEquals(2, b.strings("words", 5, 5).orElseThrow().size());
    assertTrue(b.element("none").isEmpty());
    b.finish();
  }

  @Test
  void hugeNumbersAreRefusedAsOutOfRangeOrMalformedNotThrown() {
    JsonBody b = parse("{\"count\":1e999999}");
    b.integer("count", 1, 1, 100);
    assertEquals(400, assertThrows(ApiException.class, b::finish).status());
    assertEquals(400, assertThrows(ApiException.class, () -> parse("{\"count\":1e99999999999}")).status());
  }

  @Test
  void halfASurrogatePairIsRefusedInABodyAndInAnyOtherText() {
    assertEquals(400, assertThrows(ApiException.class, () -> parse("{\"name\":\"a\\ud800b\"}")).status());
    assertTrue(JsonBody.hasControl("a\ud800b"));
    assertTrue(JsonBody.hasControl("\udfff"));
    assertTrue(JsonBody.hasControl("tea \ud83c"));
    assertFalse(JsonBody.hasControl("tea \ud83c\udf75 and\ttabs\nand lines"));
  }

  @Test
  void aWholeEmojiIsText() {
    JsonBody b = parse("{\"name\":\"tea \\ud83c\\udf75\"}");
    assertEquals("tea \ud83c\udf75", b.string("name", 1, 10).orElseThrow());
    b.finish();
  }

  @Test
  void listEntriesWithControlCharactersAreRefused() {
    JsonBody b = parse("{\"words\":[\"ok\",\"a\\u0000b\"]}");
    b.strings("words", 5, 50);
    assertEquals("words", assertThrows(ApiException.class, b::finish).errors().get(0).field());
  }

  @Test
  void aStringMapTakesNumbersAndBooleansAsTextAndNamesEachValueItRefuses() {
    JsonBody body = parse("{\"v\":{\"a\":\"tea\",\"n\":3,\"b\":true,\"long\":\"xxxxx\",\"ctl\":\"a\\u0007b\","
        + "\"obj\":{},\"none\":null}}");

    java.util.Map<String, String> values = body.stringMap("v", 10, 4);

    assertEquals(java.util.Map.of("a", "tea", "n", "3", "b", "true"), values);
    ApiException e = assertThrows(ApiException.class, body::finish);
    assertEquals(java.util.List.of("v.long", "v.ctl", "v.obj"), e.errors().stream().map(FieldError::field).toList());
  }

  @Test
  void aStringMapWithTooManyEntriesIsRefusedAsAWhole() {
    JsonBody body = parse("{\"v\":{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}}");

    assertEquals(java.util.Map.of(), body.stringMap("v", 2, 100));
    ApiException e = assertThrows(ApiException.class, body::finish);
    assertEquals("v", e.errors().get(0).field());
  }
}
