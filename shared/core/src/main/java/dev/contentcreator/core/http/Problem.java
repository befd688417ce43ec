package dev.contentcreator.core.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** Writes an {@link ApiException} as the body of an {@code application/problem+json} answer. */
public final class Problem {
  public static final String CONTENT_TYPE = "application/problem+json";

  private Problem() {}

  public static JsonObject body(ApiException e, String instance) {
    JsonObject o = new JsonObject();
    o.addProperty("type", "/problems/" + e.type());
    o.addProperty("title", e.title());
    o.addProperty("status", e.status());
    o.addProperty("detail", e.detail());
    if (instance != null) {
      o.addProperty("instance", instance);
    }
    if (!e.errors().isEmpty()) {
      JsonArray errors = new JsonArray();
      for (FieldError fe : e.errors()) {
        JsonObject x = new JsonObject();
        x.addProperty("field", fe.field());
        x.addProperty("message", fe.message());
        errors.add(x);
      }
      o.add("errors", errors);
    }
    return o;
  }
}
