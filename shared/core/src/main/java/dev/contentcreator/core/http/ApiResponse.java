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
  private final Stream stream;

  /** Writes a streamed body (server-sent events) until it is done or the client goes away. */
  @FunctionalInterface
  public interface Stream {
    void writeTo(java.io.OutputStream out) throws java.io.IOException;
  }

  private ApiResponse(int status, Map<String, String> headers, JsonElement body) {
    this(status, headers, body, null);
  }

  private ApiResponse(int status, Map<String, String> headers, JsonElement body, Stream stream) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.stream = stream;
  }

  /** A 200 whose body is written as it is made, with this content type. */
  public static ApiResponse streaming(String contentType, Stream stream) {
    ApiResponse r = new ApiResponse(200, new LinkedHashMap<>(), null, stream);
    r.headers.put("Content-Type", contentType);
    return r;
  }

  public static ApiResponse accepted(String location, Object body) {
    ApiResponse r = new ApiResponse(202, new LinkedHashMap<>(), Json.toApiTree(body));
    r.headers.put("Location", location);
    return r;
  }

  /** The streamed body, or null. */
  public Stream stream() { return stream; }

  public static ApiResponse ok(Object body) {
    return new ApiResponse(200, new LinkedHashMap<>(), Json.toApiTree(body));
  }

  public static ApiResponse created(String location, Object body) {
    ApiResponse r = new ApiResponse(201, new LinkedHashMap<>(), Json.toApiTree(body));
    r.headers.put("Location", location);
    return r;
  }

  /** 302 to another address, such as a short-lived signed address of a stored file. */
  public static ApiResponse redirect(String location) {
    ApiResponse r = new ApiResponse(302, new LinkedHashMap<>(), null);
    r.headers.put("Location", location);
    return r;
  }

  /** 304: the client's copy, named by its entity tag, is current. */
  public static ApiResponse notModified(String etag) {
    ApiResponse r = new ApiResponse(304, new LinkedHashMap<>(), null);
    r.headers.put("ETag", etag);
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
