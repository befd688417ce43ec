package dev.contentcreator.core.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request as a handler sees it, once the gateway has routed, authenticated, rate-limited and
 * read it: the path parameters of its route, its query, its headers, its body and its caller.
 */
public final class ApiRequest {
  private final String method;
  private final String path;
  private final Map<String, String> pathParams;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final Caller caller;

  public ApiRequest(String method, String path, Map<String, String> pathParams,
      Map<String, List<String>> query, Map<String, List<String>> headers, byte[] body, Caller caller) {
    this.method = method;
    this.path = path;
    this.pathParams = Map.copyOf(pathParams);
    this.query = Map.copyOf(query);
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    this.headers = h;
    this.body = body == null ? new byte[0] : body;
    this.caller = caller;
  }

  public String method() { return method; }
  public String path() { return path; }

  /** The signed-in caller; only public routes have none. */
  public Caller caller() {
    if (caller == null) {
      throw new IllegalStateException("this route is public: it has no caller");
    }
    return caller;
  }

  /** A path parameter of the route, such as {@code projectId}. */
  public String pathParam(String name) {
    String v = pathParams.get(name);
    if (v == null) {
      throw new IllegalArgumentException("the route has no path parameter " + name);
    }
    return v;
  }

  /** Whether the route has the path parameter {@code name} (a route served under two paths). */
  public boolean hasPathParam(String name) {
    return pathParams.containsKey(name);
  }

  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** An integer query parameter within bounds, or the default when absent; 400 otherwise. */
  public int intQueryParam(String name, int defaultValue, int min, int max) {
    Optional<String> v = queryParam(name);
    if (v.isEmpty()) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(v.get());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest(name, "must be a whole number from " + min + " to " + max);
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The body as a JSON object; 400 naming the place at fault when it is not one. */
  public JsonBody json() {
    return JsonBody.parse(body);
  }

  public byte[] rawBody() {
    return body.clone();
  }
}
