package dev.contentcreator.gcp.firestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.Blob;
import com.google.cloud.firestore.GeoPoint;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirestoreValuesTest {

  @Test
  void integersWrittenWithoutFractionBecomeLongs() {
    Map<String, Object> fields = FirestoreValues.toFirestore(json("{\"a\":0,\"b\":-42,\"c\":9007199254740993}"));

    assertEquals(0L, fields.get("a"));
    assertEquals(-42L, fields.get("b"));
    assertEquals(9_007_199_254_740_993L, fields.get("c"));
  }

  @Test
  void numbersWithFractionOrExponentBecomeDoubles() {
    Map<String, Object> fields = FirestoreValues.toFirestore(json("{\"a\":0.5,\"b\":1.0,\"c\":1e3,\"d\":-2E-2}"));

    assertEquals(0.5, fields.get("a"));
    assertEquals(1.0, fields.get("b"));
    assertEquals(1000.0, fields.get("c"));
    assertEquals(-0.02, fields.get("d"));
  }

  @Test
  void integersBeyondALongBecomeDoubles() {
    Object value = FirestoreValues.number(new BigInteger("123456789012345678901234567890"));

    assertEquals(1.2345678901234568e29, value);
  }

  @Test
  void javaNumberTypesKeepTheirKind() {
    assertEquals(7L, FirestoreValues.number(7));
    assertEquals(7L, FirestoreValues.number(7L));
    assertEquals(7.0, FirestoreValues.number(7.0));
    assertEquals(2.5, FirestoreValues.number(new BigDecimal("2.5")));
    assertEquals(100L, FirestoreValues.number(new BigDecimal("100")));
  }

  @Test
  void objectsBecomeMapsAndArraysLists() {
    Map<String, Object> fields = FirestoreValues.toFirestore(
        json("{\"projectId\":\"p1\",\"ok\":true,\"none\":null,\"tags\":[\"x\",1],\"meta\":{\"n\":2}}"));

    assertEquals("p1", fields.get("projectId"));
    assertEquals(true, fields.get("ok"));
    assertTrue(fields.containsKey("none"));
    assertNull(fields.get("none"));
    assertEquals(List.of("x", 1L), fields.get("tags"));
    assertEquals(Map.of("n", 2L), fields.get("meta"));
  }

  @Test
  void arrayInsideArrayIsWrappedInAMarkerMap() {
    Map<String, Object> fields = FirestoreValues.toFirestore(json("{\"m\":[[1,2],[[3]]]}"));

    assertEquals(List.of(Map.of("@array", List.of(1L, 2L)),
        Map.of("@array", List.of(Map.of("@array", List.of(3L))))), fields.get("m"));
  }

  @Test
  void nestedArraysComeBackAsArrays() {
    JsonObject data = json("{\"m\":[[1,2],[[3]],[],{\"k\":[[\"a\"]]}]}");

    assertEquals(data, FirestoreValues.toJson(FirestoreValues.toFirestore(data)));
  }

  @Test
  void awkwardKeysAreEscapedAndComeBack() {
    JsonObject data = json("{\"\":1,\"@array\":2,\"@@x\":3,\"__name__\":4,\"a.b\":5,\"_x_\":6,"
        + "\"inner\":{\"@array\":[1],\"__k__\":{}}}");

    Map<String, Object> fields = FirestoreValues.toFirestore(data);

    assertEquals(List.of("@", "@@array", "@@@x", "@__name__", "a.b", "_x_", "inner"), List.copyOf(fields.keySet()));
    assertEquals(data, FirestoreValues.toJson(fields));
  }

  @Test
  void plainFieldNamesAreStoredAsTheyAre() {
    Map<String, Object> fields = FirestoreValues.toFirestore(json("{\"projectId\":\"p\",\"uid\":\"u\",\"role\":\"owner\"}"));

    assertEquals(List.of("projectId", "uid", "role"), List.copyOf(fields.keySet()));
  }

  @Test
  void firestoreNumbersComeBackWithTheirKind() {
    JsonElement integer = FirestoreValues.toJson(Long.MIN_VALUE);
    JsonElement real = FirestoreValues.toJson(0.1);

    assertInstanceOf(Long.class, integer.getAsJsonPrimitive().getAsNumber());
    assertEquals(Long.MIN_VALUE, integer.getAsLong());
    assertInstanceOf(Double.class, real.getAsJsonPrimitive().getAsNumber());
    assertEquals(new JsonPrimitive(0.1), real);
  }

  @Test
  void valuesOtherWritersUseAreReadAsTheNearestJson() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("at", Timestamp.ofTimeSecondsAndNanos(1_700_000_000L, 123_456_789));
    fields.put("bytes", Blob.fromBytes(new byte[] {1, 2, 3}));
    fields.put("where", new GeoPoint(51.5, -0.1));
    fields.put("nothing", null);

    JsonObject data = FirestoreValues.toJson(fields);

    assertEquals("2023-11-14T22:13:20.123Z", data.get("at").getAsString());
    assertEquals("AQID", data.get("bytes").getAsString());
    assertEquals(json("{\"latitude\":51.5,\"longitude\":-0.1}"), data.get("where"));
    assertEquals(JsonNull.INSTANCE, data.get("nothing"));
  }

  @Test
  void anUnknownFirestoreTypeIsNamedInTheError() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> FirestoreValues.toJson(new Object()));

    assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }
}
