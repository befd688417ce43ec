package dev.contentcreator.gcp.firestore;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.contentcreator.core.json.Json;
import java.time.Instant;
import java.util.Map;

/**
 * JSON documents in the form of Firestore's REST API ({@code Value}: {@code stringValue},
 * {@code integerValue}, {@code mapValue} and so on) and back, with exactly the mapping of
 * {@link FirestoreValues}: a document the REST store writes reads the same through the gRPC client,
 * the web SDK and security rules, and the other way round. Integers travel as decimal strings, as
 * the API asks, so no 64-bit value loses digits. Kept apart from {@link FirestoreValues} so that the
 * REST store never loads the Firestore client's classes.
 */
final class FirestoreRestValues {
  private static final String DOCUMENTS = "/documents/";

  private FirestoreRestValues() {}

  /** A document's fields as a REST {@code fields} map. */
  static JsonObject fields(JsonObject data) {
    JsonObject fields = new JsonObject();
    for (Map.Entry<String, JsonElement> e : data.entrySet()) {
      fields.add(FirestoreValues.escapeKey(e.getKey()), value(e.getValue()));
    }
    return fields;
  }

  /** One JSON value as a REST {@code Value}. */
  static JsonObject value(JsonElement json) {
    JsonObject value = new JsonObject();
    if (json == null || json.isJsonNull()) {
      value.add("nullValue", JsonNull.INSTANCE);
    } else if (json.isJsonObject()) {
      JsonObject map = new JsonObject();
      map.add("fields", fields(json.getAsJsonObject()));
      value.add("mapValue", map);
    } else if (json.isJsonArray()) {
      JsonArray values = new JsonArray();
      for (JsonElement element : json.getAsJsonArray()) {
        JsonObject converted = value(element);
        if (element.isJsonArray()) {
          // Firestore refuses an array directly in an array: the marker map FirestoreValues uses
          JsonObject marker = new JsonObject();
          marker.add(FirestoreValues.ARRAY_KEY, converted);
          JsonObject map = new JsonObject();
          map.add("fields", marker);
          converted = new JsonObject();
          converted.add("mapValue", map);
        }
        values.add(converted);
      }
      JsonObject array = new JsonObject();
      array.add("values", values);
      value.add("arrayValue", array);
    } else {
      JsonPrimitive primitive = json.getAsJsonPrimitive();
      if (primitive.isBoolean()) {
        value.addProperty("booleanValue", primitive.getAsBoolean());
      } else if (primitive.isNumber()) {
        Object number = FirestoreValues.number(primitive.getAsNumber());
        if (number instanceof Long l) {
          value.addProperty("integerValue", Long.toString(l));
        } else {
          value.addProperty("doubleValue", (Double) number);
        }
      } else {
        value.addProperty("stringValue", primitive.getAsString());
      }
    }
    return value;
  }

  /** The JSON of a REST document's {@code fields}; absent fields (an empty document) give {@code {}}. */
  static JsonObject data(JsonObject fields) {
    JsonObject object = new JsonObject();
    if (fields == null) {
      return object;
    }
    for (Map.Entry<String, JsonElement> e : fields.entrySet()) {
      object.add(FirestoreValues.unescapeKey(e.getKey()), json(e.getValue().getAsJsonObject()));
    }
    return object;
  }

  /**
   * One REST {@code Value} as JSON. As {@link FirestoreValues#toJson(Object)}: a timestamp becomes
   * the fixed-width UTC text, bytes their base64, a geo point {@code {latitude, longitude}} and a
   * reference the document's path below the database's documents.
   */
  static JsonElement json(JsonObject value) {
    Map.Entry<String, JsonElement> only = value.entrySet().iterator().next();
    JsonElement v = only.getValue();
    switch (only.getKey()) {
      case "nullValue":
        return JsonNull.INSTANCE;
      case "booleanValue":
        return new JsonPrimitive(v.getAsBoolean());
      case "integerValue":
        return new JsonPrimitive(Long.parseLong(v.getAsString()));
      case "doubleValue":
        return new JsonPrimitive(double64(v));
      case "stringValue":
      case "bytesValue":
        return new JsonPrimitive(v.getAsString());
      case "timestampValue":
        return new JsonPrimitive(Json.format(Instant.parse(v.getAsString())));
      case "referenceValue": {
        String name = v.getAsString();
        int at = name.indexOf(DOCUMENTS);
        return new JsonPrimitive(at < 0 ? name : name.substring(at + DOCUMENTS.length()));
      }
      case "geoPointValue": {
        JsonObject point = v.getAsJsonObject();
        JsonObject object = new JsonObject();
        object.addProperty("latitude", point.has("latitude") ? point.get("latitude").getAsDouble() : 0.0);
        object.addProperty("longitude", point.has("longitude") ? point.get("longitude").getAsDouble() : 0.0);
        return object;
      }
      case "arrayValue": {
        JsonArray array = new JsonArray();
        JsonElement values = v.getAsJsonObject().get("values");
        if (values != null) {
          for (JsonElement element : values.getAsJsonArray()) {
            array.add(json(element.getAsJsonObject()));
          }
        }
        return array;
      }
      case "mapValue": {
        JsonElement fields = v.getAsJsonObject().get("fields");
        JsonObject map = fields == null ? new JsonObject() : fields.getAsJsonObject();
        if (map.size() == 1 && map.has(FirestoreValues.ARRAY_KEY)
            && map.get(FirestoreValues.ARRAY_KEY).getAsJsonObject().has("arrayValue")) {
          return json(map.get(FirestoreValues.ARRAY_KEY).getAsJsonObject());
        }
        return data(map);
      }
      default:
        throw new IllegalStateException("a Firestore value of kind " + only.getKey() + " has no JSON form");
    }
  }

  /** A {@code doubleValue}: a JSON number, or the text {@code NaN}, {@code Infinity} or {@code -Infinity}. */
  private static double double64(JsonElement v) {
    JsonPrimitive p = v.getAsJsonPrimitive();
    return p.isNumber() ? p.getAsDouble() : Double.parseDouble(p.getAsString());
  }
}
