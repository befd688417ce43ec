package dev.contentcreator.core.http;

import com.google.gson.JsonElement;
import dev.contentcreator.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers: a status, headers and a JSON body (or none). The body is kept as the
 * value the handler gave and written straight to text when the answer goes out, without building
 * its tree first; {@link #body()} builds the tree for whoever asks for it.
 */
public final class ApiResponse {
  private final int status;
  private final Map<String, String> headers;
  private final boolean hasBody;
  private final Object value;
  private final Stream stream;
  private JsonElement tree;

  /** Writes a streamed body (server-sent events) until it is done or the client goes away. */
  @FunctionalInterface
  public interface Stream {
    void writeTo(java.io.OutputStream out) throws java.io.IOException;
  }

  private ApiResponse(int status, Map<String, String> headers) {
    this(status, headers, false, null, null);
  }

  private ApiResponse(int status, Map<String, String> headers, Object value) {
    this(status, headers, true, value, null);
  }

  private ApiResponse(int status, Map<String, String> headers, boolean hasBody, Object value, Stream stream) {
    this.status = status;
    this.headers = headers;
    this.hasBody = hasBody;
    this.value = value;
    this.stream = stream;
  }

  /** A 200 whose body is written as it is made, with this content type. */
  public static ApiResponse streaming(String contentType, Stream stream) {
    ApiResponse r = new ApiResponse(200, new LinkedHashMap<>(), false, null, stream);
    r.headers.put("Content-Type", contentType);
    return r;
  }

  public static ApiResponse accepted(String location, Object body) {
    ApiResponse r = new ApiResponse(202, new LinkedHashMap<>(), body);
    r.headers.put("Location", location);
    return r;
  }

  /** The streamed body, or null. */
  public Stream stream() { return stream; }

  public static ApiResponse ok(Object body) {
    return new ApiResponse(200, new LinkedHashMap<>(), body);
  }

  public static ApiResponse created(String location, Object body) {
    ApiResponse r = new ApiResponse(201, new LinkedHashMap<>(), body);
    r.headers.put("Location", location);
    return r;
  }

  /** 302 to another address, such as a short-lived signed address of a stored file. */
  public static ApiResponse redirect(String location) {
    ApiResponse r = new ApiResponse(302, new LinkedHashMap<>());
    r.headers.put("Location", location);
    return r;
  }

  /** 304: the client's copy, named by its entity tag, is current. */
  public static ApiResponse notModified(String etag) {
    ApiResponse r = new ApiResponse(304, new LinkedHashMap<>());
    r.headers.put("ETag", etag);
    return r;
  }

  public static ApiResponse noContent() {
    return new ApiResponse(204, new LinkedHashMap<>());
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
  /** The body as a tree, or null for none. */
  public JsonElement body() {
    if (hasBody && tree == null) {
      tree = Json.toApiTree(value);
    }
    return tree;
  }

  /** The body as JSON text, or null for none. */
  String json() {
    if (!hasBody) {
      return null;
    }
    return tree != null ? tree.toString() : Json.toApiJson(value);
  }
}
