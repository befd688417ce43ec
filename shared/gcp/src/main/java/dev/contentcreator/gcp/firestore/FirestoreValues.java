package dev.contentcreator.gcp.firestore;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.Blob;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.GeoPoint;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.contentcreator.core.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns JSON into native Firestore values and back, so that security rules and the web SDK read
 * the same fields the services write: objects become maps, arrays arrays, and strings, numbers,
 * booleans and null themselves. A number written without a fraction or exponent that fits in 64
 * bits becomes a Firestore integer, any other number a double, so integers come back as integers.
 *
 * <p>Two things JSON allows and Firestore does not are encoded reversibly, out of the way of the
 * plain field names services and rules use. An array directly inside an array (Firestore refuses
 * nested arrays) is stored as the one-entry map {@code {"@array": [...]}}. A key Firestore would
 * refuse or that could be mistaken for that marker (empty, starting with {@code @}, or reserved like
 * {@code __name__}) gets one more {@code @} in front, which reading takes off again.
 */
final class FirestoreValues {
  /** The only key of the map that stands for an array nested in an array. */
  static final String ARRAY_KEY = "@array";

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

  private FirestoreValues() {}

  /** The fields of a document as Firestore stores them. */
  static Map<String, Object> toFirestore(JsonObject data) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : data.entrySet()) {
      fields.put(escapeKey(e.getKey()), toFirestore(e.getValue()));
    }
    return fields;
  }

  /** One JSON value as a Firestore value: a String, Long, Double, Boolean, Map, List or null. */
  static Object toFirestore(JsonElement value) {
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (value.isJsonObject()) {
      return toFirestore(value.getAsJsonObject());
    }
    if (value.isJsonArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonElement element : value.getAsJsonArray()) {
        Object converted = toFirestore(element);
        list.add(element.isJsonArray() ? Map.of(ARRAY_KEY, converted) : converted);
      }
      return list;
    }
    JsonPrimitive primitive = value.getAsJsonPrimitive();
    if (primitive.isBoolean()) {
      return primitive.getAsBoolean();
    }
    if (primitive.isNumber()) {
      return number(primitive.getAsNumber());
    }
    return primitive.getAsString();
  }

  /** The JSON of a document's fields as Firestore returned them. */
  static JsonObject toJson(Map<String, Object> fields) {
    JsonObject object = new JsonObject();
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      object.add(unescapeKey(e.getKey()), toJson(e.getValue()));
    }
    return object;
  }

  /**
   * One Firestore value as JSON. Values the services never write but another writer might (a
   * timestamp, bytes, a geo point, a reference) are read as the nearest JSON: a fixed-width UTC
   * timestamp string, base64 text, {@code {latitude, longitude}} and the document's path.
   */
  @SuppressWarnings("unchecked")
  static JsonElement toJson(Object value) {
    if (value == null) {
      return JsonNull.INSTANCE;
    }
    if (value instanceof String s) {
      return new JsonPrimitive(s);
    }
    if (value instanceof Boolean b) {
      return new JsonPrimitive(b);
    }
    if (value instanceof Long || value instanceof Integer) {
      return new JsonPrimitive(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      return new JsonPrimitive(((Number) value).doubleValue());
    }
    if (value instanceof Map<?, ?> map) {
      if (map.size() == 1 && map.get(ARRAY_KEY) instanceof List<?> nested) {
        return toJson(nested);
      }
      return toJson((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      JsonArray array = new JsonArray();
      for (Object element : list) {
        array.add(toJson(element));
      }
      return array;
    }
    if (value instanceof Timestamp t) {
      return new JsonPrimitive(Json.format(Instant.ofEpochSecond(t.getSeconds(), t.getNanos())));
    }
    if (value instanceof Blob blob) {
      return new JsonPrimitive(Base64.getEncoder().encodeToString(blob.toBytes()));
    }
    if (value instanceof GeoPoint point) {
      JsonObject object = new JsonObject();
      object.addProperty("latitude", point.getLatitude());
      object.addProperty("longitude", point.getLongitude());
      return object;
    }
    if (value instanceof DocumentReference reference) {
      return new JsonPrimitive(reference.getPath());
    }
    throw new IllegalStateException("a Firestore value of type " + value.getClass().getName() + " has no JSON form");
  }

  /**
   * A JSON number as Firestore stores it. Its text decides: digits alone that fit in a long are an
   * integer; a fraction, an exponent or more digits than a long holds make a double.
   */
  static Object number(Number number) {
    String text = number.toString();
    if (INTEGER.matcher(text).matches()) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException tooLong) {
        return Double.parseDouble(text);
      }
    }
    return number.doubleValue();
  }

  static String escapeKey(String key) {
    boolean reserved = key.length() >= 4 && key.startsWith("__") && key.endsWith("__");
    return key.isEmpty() || key.startsWith("@") || reserved ? "@" + key : key;
  }

  static String unescapeKey(String key) {
    return key.startsWith("@") ? key.substring(1) : key;
  }
}
