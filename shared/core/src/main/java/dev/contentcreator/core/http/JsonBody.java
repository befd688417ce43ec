package dev.contentcreator.core.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON object body read field by field. Each getter checks its field; {@link #finish()} then
 * answers 400 listing every field at fault at once, and any field the endpoint does not know.
 */
public final class JsonBody {
  private static final Pattern GSON_PATH = Pattern.compile("path \\$\\.?([^\\s]*)");
  /** The deepest nesting a body may have; the deepest request of the API needs three levels. */
  static final int MAX_DEPTH = 32;

  private final JsonObject object;
  private final Set<String> read = new LinkedHashSet<>();
  private final List<FieldError> errors = new ArrayList<>();

  private JsonBody(JsonObject object) {
    this.object = object;
  }

  static JsonBody parse(byte[] bytes) {
    if (bytes.length == 0) {
      throw ApiException.badRequest("body", "a JSON object is required");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("body", "is not valid UTF-8");
    }
    JsonElement root;
    try (JsonReader reader = new JsonReader(new java.io.StringReader(text))) {
      reader.setStrictness(Strictness.STRICT);
      root = read(reader, "", 0);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw ApiException.badRequest("body", "has more after the JSON value");
      }
    } catch (JsonParseException | IOException | IllegalStateException | NumberFormatException e) {
      throw malformed(e);
    }
    if (!root.isJsonObject()) {
      throw ApiException.badRequest("body", "must be a JSON object");
    }
    return new JsonBody(root.getAsJsonObject());
  }

  /**
   * Reads one value into a tree, refusing what a JSON parser may silently read one way and another
   * layer another way: a name twice in one object (which value counts?) and nesting deeper than
   * any request of this API needs (which costs stack and time to walk).
   */
  private static JsonElement read(JsonReader in, String at, int depth) throws IOException {
    JsonToken token = in.peek();
    if ((token == JsonToken.BEGIN_OBJECT || token == JsonToken.BEGIN_ARRAY) && depth >= MAX_DEPTH) {
      throw ApiException.badRequest(at.isEmpty() ? "body" : at, "is nested more than " + MAX_DEPTH + " levels deep");
    }
    switch (token) {
      case BEGIN_OBJECT: {
        JsonObject o = new JsonObject();
        in.beginObject();
        while (in.hasNext()) {
          String name = in.nextName();
          String path = at.isEmpty() ? name : at + "." + name;
          if (o.has(name)) {
            throw ApiException.badRequest(path, "appears twice; send each field once");
          }
          o.add(name, read(in, path, depth + 1));
        }
        in.endObject();
        return o;
      }
      case BEGIN_ARRAY: {
        com.google.gson.JsonArray a = new com.google.gson.JsonArray();
        in.beginArray();
        while (in.hasNext()) {
          a.add(read(in, at + "[" + a.size() + "]", depth + 1));
        }
        in.endArray();
        return a;
      }
      case STRING:
        return new JsonPrimitive(in.nextString());
      case NUMBER:
        return new JsonPrimitive(new java.math.BigDecimal(in.nextString()));
      case BOOLEAN:
        return new JsonPrimitive(in.nextBoolean());
      case NULL:
        in.nextNull();
        return JsonNull.INSTANCE;
      default:
        throw new JsonParseException("expected a value at line 1 column 1 path $");
    }
  }

  private static ApiException malformed(Exception e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    Matcher m = GSON_PATH.matcher(message);
    String field = m.find() && !m.group(1).isEmpty() ? m.group(1) : "body";
    String where = message.replaceAll("(?s).*?(at line \\d+ column \\d+).*", "$1");
    String detail = "is not well-formed JSON" + (where.startsWith("at line") ? " (" + where + ")" : "");
    return ApiException.badRequest(field, detail);
  }

  /** Reads a nested object field by field, as a body of its own. */
  public static JsonBody of(JsonObject object) {
    return new JsonBody(object);
  }

  /** The whole object as read, a copy, for a reader that checks its own shape (none of its fields counts as read). */
  public JsonObject copy() {
    return object.deepCopy();
  }

  public boolean has(String field) {
    read.add(field);
    return object.has(field);
  }

  /** A string field: trimmed, within {@code maxLength}; empty when absent or null. */
  public Optional<String> string(String field, int minLength, int maxLength) {
    read.add(field);
    JsonElement e = object.get(field);
    if (e == null || e.isJsonNull()) {
      return Optional.empty();
    }
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      errors.add(new FieldError(field, "must be a string"));
      return Optional.empty();
    }
    String s = e.getAsString().strip();
    int len = s.codePointCount(0, s.length());
    if (len < minLength || len > maxLength) {
      errors.add(new FieldError(field, minLength > 0
          ? "must be " + minLength + " to " + maxLength + " characters long"
          : "must be at most " + maxLength + " characters long"));
      return Optional.empty();
    }
    if (hasControl(s)) {
      errors.add(new FieldError(field, "must not contain control characters"));
      return Optional.empty();
    }
    return Optional.of(s);
  }

  /** Control characters other than newline and tab, or half of a surrogate pair (not text at all). */
  public static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        return true;
      }
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** A required string field. */
  public String requiredString(String field, int minLength, int maxLength) {
    Optional<String> v = string(field, minLength, maxLength);
    if (v.isEmpty() && (!object.has(field) || object.get(field).isJsonNull())) {
      errors.add(new FieldError(field, "is required"));
    }
    return v.orElse(null);
  }

  /** A boolean field; empty when absent. */
  public Optional<Boolean> bool(String field) {
    read.add(field);
    JsonElement e = object.get(field);
    if (e == null || e.isJsonNull()) {
      return Optional.empty();
    }
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
      errors.add(new FieldError(field, "must be true or false"));
      return Optional.empty();
    }
    return Optional.of(e.getAsBoolean());
  }

  /** A whole-number field within bounds; the default when absent. */
  public int integer(String field, int defaultValue, int min, int max) {
    read.add(field);
    JsonElement e = object.get(field);
    if (e == null || e.isJsonNull()) {
      return defaultValue;
    }
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      double d = e.getAsDouble();
      if (d == Math.rint(d) && d >= min && d <= max) {
        return (int) d;
      }
    }
    errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
    return defaultValue;
  }

  /** A whole-number field within bounds, as a long; empty when absent or null. */
  public Optional<Long> longValue(String field, long min, long max) {
    read.add(field);
    JsonElement e = object.get(field);
    if (e == null || e.isJsonNull()) {
      return Optional.empty();
    }
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      java.math.BigDecimal d = e.getAsBigDecimal();
      if (d.stripTrailingZeros().scale() <= 0 && d.compareTo(java.math.BigDecimal.valueOf(min)) >= 0
          && d.compareTo(java.math.BigDecimal.valueOf(max)) <= 0) {
        return Optional.of(d.longValueExact());
      }
    }
    errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
    return Optional.empty();
  }

  /** A field as it is, for shapes the typed getters do not cover; empty when absent or null. */
  public Optional<JsonElement> element(String field) {
    read.add(field);
    JsonElement e = object.get(field);
    return e == null || e.isJsonNull() ? Optional.empty() : Optional.of(e);
  }

  /** An object field; empty when absent or null. */
  public Optional<JsonObject> object(String field) {
    read.add(field);
    JsonElement e = object.get(field);
    if (e == null || e.isJsonNull()) {
      return Optional.empty();
    }
    if (!e.isJsonObject()) {
      errors.add(new FieldError(field, "must be an object"));
      return Optional.empty();
    }
    return Optional.of(e.getAsJsonObject());
  }

  /**
   * An object field of at most {@code maxEntries} values, each a string, number or boolean (taken as
   * its text) of at most {@code maxLength} characters without control characters; empty when absent
   * or null. Each value that breaks a rule is named in the 400 ({@code field.key}).
   */
  public Map<String, String> stringMap(String field, int maxEntries, int maxLength) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    Optional<JsonObject> o = object(field);
    if (o.isEmpty()) {
      return out;
    }
    if (o.get().size() > maxEntries) {
      errors.add(new FieldError(field, "may have at most " + maxEntries + " entries"));
      return out;
    }
    for (Map.Entry<String, JsonElement> e : o.get().entrySet()) {
      JsonElement v = e.getValue();
      if (v.isJsonPrimitive() && v.getAsString().length() <= maxLength && !hasControl(v.getAsString())) {
        out.put(e.getKey(), v.getAsString());
      } else if (!v.isJsonNull()) {
        errors.add(new FieldError(field + "." + e.getKey(),
            "must be a string, number or boolean of at most " + maxLength + " characters"));
      }
    }
    return out;
  }

  /** An array field of strings; empty when absent or null. */
  public Optional<java.util.List<String>> strings(String field, int maxItems, int maxLength) {
    read.add(field);
    JsonElement e = object.get(field);
    if (e == null || e.isJsonNull()) {
      return Optional.empty();
    }
    if (!e.isJsonArray() || e.getAsJsonArray().size() > maxItems) {
      errors.add(new FieldError(field, "must be a list of at most " + maxItems + " strings"));
      return Optional.empty();
    }
    java.util.List<String> out = new ArrayList<>();
    for (JsonElement x : e.getAsJsonArray()) {
      if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString() || x.getAsString().strip().isEmpty()
          || x.getAsString().length() > maxLength || hasControl(x.getAsString())) {
        errors.add(new FieldError(field, "each entry must be a string of 1 to " + maxLength + " characters"));
        return Optional.empty();
      }
      out.add(x.getAsString().strip());
    }
    return Optional.of(out);
  }

  /** Records a problem with a field that the caller found while checking a value. */
  public void reject(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  /** Answers 400 if any field was at fault or not known to the endpoint. */
  public void finish() {
    for (String key : object.keySet()) {
      if (!read.contains(key)) {
        errors.add(new FieldError(key, "is not a field of this request"));
      }
    }
    if (!errors.isEmpty()) {
      StringBuilder detail = new StringBuilder();
      for (FieldError fe : errors) {
        if (detail.length() > 0) {
          detail.append("; ");
        }
        detail.append(fe.field()).append(' ').append(fe.message());
      }
      throw ApiException.badRequest(detail.toString(), errors);
    }
  }
}
