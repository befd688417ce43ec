package dev.contentcreator.core.http;

import com.google.gson.JsonElement;
import dev.contentcreator.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: a status, headers and a JSON body (or none). */
public final class ApiResponse {
  private final int status;
  private final Map<String, String> headers;
  private final JsonElement body;

  private ApiResponse(int status, Map<String, String> headers, JsonElement body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  public static ApiResponse ok(Object body) {
    return new ApiResponse(200, new LinkedHashMap<>(), Json.toTree(body));
  }

  public static ApiResponse created(String location, Object body) {
    ApiResponse r = new ApiResponse(201, new LinkedHashMap<>(), Json.toTree(body));
    r.headers.put("Location", location);
    return r;
  }

  public static ApiResponse noContent() {
    return new ApiResponse(204, new LinkedHashMap<>(), null);
  }

  /** Adds a header, replacing one of the same name. */
  public ApiResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Sets the entity tag of a resource with a version. */
  public ApiResponse etag(long version) {
    return header("ETag", Etags.of(version));
  }

  public int status() { return status; }
  public Map<String, String> headers() { return headers; }
  /** The body, or null for none. */
  public JsonElement body() { return body; }
}
