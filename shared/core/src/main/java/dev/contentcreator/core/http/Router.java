package dev.contentcreator.core.http;

import dev.contentcreator.core.ports.RateLimiter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps a method and a path to a handler by path templates such as
 * {@code /api/projects/{projectId}/members/{uid}}. A path no route knows is a 404, a known path
 * with another method a 405 that lists the allowed ones. Immutable once built.
 *
 * <p>Every path parameter is a whole segment, as API Gateway requires. An action on a resource is a
 * segment of its own ({@code .../{jobId}/cancel}); the earlier form with the action after a colon in
 * the same segment ({@code .../{jobId}:cancel}) is still answered where a route keeps it as its
 * {@linkplain Builder#legacyAlias legacy alias}.
 */
public final class Router {
  private final List<Route> routes;

  private Router(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<Route> routes() {
    return routes;
  }

  /** The route of this request, with its path parameters; throws 404 or 405. */
  public Match match(String method, String path) {
    String[] segments = split(path);
    Set<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Map<String, String> params = route.bind(segments);
      if (params == null) {
        continue;
      }
      if (route.method().equals(method) || (method.equals("HEAD") && route.method().equals("GET"))) {
        return new Match(route, params);
      }
      allowed.add(route.method());
    }
    if (allowed.isEmpty()) {
      throw ApiException.notFound("There is nothing at " + path + ".");
    }
    if (allowed.contains("GET")) {
      allowed.add("HEAD");
    }
    throw ApiException.of(405, "method-not-allowed", "Method not allowed",
        method + " is not allowed here; use " + String.join(", ", allowed) + ".")
        .withHeaders(Map.of("Allow", String.join(", ", allowed)));
  }

  private static String[] split(String path) {
    String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return p.split("/", -1);
  }

  /** A route and the values of its path parameters. */
  public record Match(Route route, Map<String, String> pathParams) {}

  /**
   * One method and path template, its handler, whether it needs a signed-in caller, and whether it
   * is sensitive: a change that must not be made with a token whose account was revoked or
   * disabled a moment ago (the gateway then asks the identity provider, not its cache).
   */
  public static final class Route {
    private final String method;
    private final String template;
    private final String[] segments;
    private final Handler handler;
    private final boolean isPublic;
    private final long maxBodyBytes;
    private final boolean sensitive;
    private final String legacyTemplate;
    private final String[] legacySegments;
    private final RateLimiter.Bucket addressLimit;

    Route(String method, String template, Handler handler, boolean isPublic, long maxBodyBytes, boolean sensitive,
        String legacyTemplate) {
      this(method, template, handler, isPublic, maxBodyBytes, sensitive, legacyTemplate, null);
    }

    Route(String method, String template, Handler handler, boolean isPublic, long maxBodyBytes, boolean sensitive,
        String legacyTemplate, RateLimiter.Bucket addressLimit) {
      this.method = method;
      this.template = template;
      this.segments = split(template);
      this.handler = handler;
      this.isPublic = isPublic;
      this.maxBodyBytes = maxBodyBytes;
      this.sensitive = sensitive;
      this.legacyTemplate = legacyTemplate;
      this.legacySegments = legacyTemplate == null ? null : split(legacyTemplate);
      this.addressLimit = addressLimit;
    }

    private Route withSensitive() {
      return new Route(method, template, handler, false, maxBodyBytes, true, legacyTemplate, addressLimit);
    }

    private Route withLegacy(String legacy) {
      return new Route(method, template, handler, isPublic, maxBodyBytes, sensitive, legacy, addressLimit);
    }

    private Route withAddressLimit(RateLimiter.Bucket limit) {
      return new Route(method, template, handler, isPublic, maxBodyBytes, sensitive, legacyTemplate, limit);
    }

    public String method() { return method; }
    public String template() { return template; }
    public Handler handler() { return handler; }
    public boolean isPublic() { return isPublic; }
    /** For an upload route, the largest body it takes in any content type; 0 for a JSON route. */
    public long maxBodyBytes() { return maxBodyBytes; }
    public boolean isUpload() { return maxBodyBytes > 0; }
    /** Whether the caller's token is checked for revocation and a disabled account on every call. */
    public boolean isSensitive() { return sensitive; }
    /** The colon form this route also answers for a release ({@code .../{jobId}:cancel}), if any. */
    public Optional<String> legacyTemplate() { return Optional.ofNullable(legacyTemplate); }
    /**
     * A bucket of this route's own, taken per client address before anything else (a public
     * route's only limit): its key is the bucket's name, the address is added per request.
     */
    public Optional<RateLimiter.Bucket> addressLimit() { return Optional.ofNullable(addressLimit); }

    Map<String, String> bind(String[] path) {
      Map<String, String> params = bind(segments, path);
      return params != null || legacySegments == null ? params : bind(legacySegments, path);
    }

    private static Map<String, String> bind(String[] segments, String[] path) {
      if (path.length != segments.length) {
        return null;
      }
      Map<String, String> params = new HashMap<>();
      for (int i = 0; i < segments.length; i++) {
        String s = segments[i];
        int close = s.indexOf('}');
        if (s.startsWith("{") && close > 0) {
          // "{jobId}" binds the whole segment; a legacy "{jobId}:cancel" what comes before ":cancel".
          String suffix = s.substring(close + 1);
          String raw = path[i];
          // The value itself never holds a colon: "x:cancel:cancel" is no job's legacy cancel.
          if (!raw.endsWith(suffix) || raw.substring(0, raw.length() - suffix.length()).contains(":")) {
            return null;
          }
          String value = URLDecoder.decode(raw.substring(0, raw.length() - suffix.length()), StandardCharsets.UTF_8);
          if (value.isEmpty()) {
            return null;
          }
          params.put(s.substring(1, close), value);
        } else if (!s.equals(path[i])) {
          return null;
        }
      }
      return params;
    }
  }

  /** Collects routes; each {@code withX}-style call checks its arguments. */
  public static final class Builder {
    private final List<Route> routes = new ArrayList<>();

    public Builder get(String template, Handler h) { return add("GET", template, h, false); }
    public Builder post(String template, Handler h) { return add("POST", template, h, false); }
    public Builder patch(String template, Handler h) { return add("PATCH", template, h, false); }
    public Builder put(String template, Handler h) { return add("PUT", template, h, false); }
    public Builder delete(String template, Handler h) { return add("DELETE", template, h, false); }

    /** A GET route that anyone may call, without a token. */
    public Builder publicGet(String template, Handler h) { return add("GET", template, h, true); }

    /**
     * A POST route that takes a body of any type (an upload) up to {@code maxBodyBytes}; the handler
     * reads the type from the bytes or from Content-Type as it needs.
     */
    public Builder upload(String template, long maxBodyBytes, Handler h) {
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException("an upload route needs a positive size limit, got: " + maxBodyBytes);
      }
      return add("POST", template, h, false, maxBodyBytes);
    }

    /** A POST route without a Firebase token, such as a provider's webhook that proves itself otherwise. */
    public Builder publicPost(String template, Handler h) { return add("POST", template, h, true); }

    /**
     * Marks the route added last as sensitive (member changes, deletes, key creation): its caller's
     * token is checked with the identity provider on every call, for revocation and a disabled
     * account, instead of trusting a recently verified token. Costs one call to the provider.
     */
    public Builder sensitive() {
      if (routes.isEmpty()) {
        throw new IllegalStateException("sensitive() marks the route added just before it; add a route first");
      }
      Route last = routes.get(routes.size() - 1);
      if (last.isPublic) {
        throw new IllegalStateException("a public route has no caller to check: " + last.method + " " + last.template);
      }
      routes.set(routes.size() - 1, last.withSensitive());
      return this;
    }

    /**
     * Lets the route added last also answer at its earlier colon form, the same template with the
     * last {@code /} before the action written as {@code :} ({@code .../{jobId}:cancel} for
     * {@code .../{jobId}/cancel}), so clients written against it keep working for a release. API
     * Gateway cannot route such a path; Hosting and the local server can.
     */
    public Builder legacyAlias(String colonTemplate) {
      if (routes.isEmpty()) {
        throw new IllegalStateException("legacyAlias() names the route added just before it; add a route first");
      }
      Route last = routes.get(routes.size() - 1);
      int colon = colonTemplate == null ? -1 : colonTemplate.lastIndexOf(':');
      if (colon < 1 || colonTemplate.indexOf('/', colon) >= 0 || colonTemplate.charAt(colon - 1) != '}'
          || !(colonTemplate.substring(0, colon) + "/" + colonTemplate.substring(colon + 1)).equals(last.template)) {
        throw new IllegalArgumentException("a legacy alias is the route's template with its last '/' after a "
            + "parameter written as ':', got " + colonTemplate + " for " + last.template);
      }
      routes.set(routes.size() - 1, last.withLegacy(colonTemplate));
      return this;
    }

    /**
     * Gives the route added last a rate limit of its own per client address, named {@code bucket}
     * (routes that share a name share the bucket), on top of the gateway's; a public route has no
     * other. {@code limit} empty (the setting is {@code off}) adds none.
     */
    public Builder limitPerAddress(String bucket, Optional<RateLimiter.Limit> limit) {
      if (routes.isEmpty()) {
        throw new IllegalStateException("limitPerAddress() limits the route added just before it; add a route first");
      }
      if (bucket == null || !bucket.matches("[a-z][a-z0-9-]{0,31}")) {
        throw new IllegalArgumentException("a bucket name is a short lower-case word, got: " + bucket);
      }
      Objects.requireNonNull(limit, "limit");
      if (limit.isPresent()) {
        Route last = routes.get(routes.size() - 1);
        routes.set(routes.size() - 1, last.withAddressLimit(new RateLimiter.Bucket(bucket, limit.get())));
      }
      return this;
    }

    private Builder add(String method, String template, Handler handler, boolean isPublic) {
      return add(method, template, handler, isPublic, 0);
    }

    private Builder add(String method, String template, Handler handler, boolean isPublic, long maxBodyBytes) {
      Objects.requireNonNull(template, "template");
      Objects.requireNonNull(handler, "handler");
      if (!template.startsWith("/api/")) {
        throw new IllegalArgumentException("a route lives under /api/, got: " + template);
      }
      for (String segment : split(template)) {
        if (segment.contains("{") && !(segment.startsWith("{") && segment.endsWith("}"))) {
          throw new IllegalArgumentException("a path parameter is a whole segment (API Gateway routes no other), "
              + "got: " + template);
        }
      }
      for (Route r : routes) {
        if (r.method.equals(method) && r.template.equals(template)) {
          throw new IllegalArgumentException("route defined twice: " + method + " " + template);
        }
      }
      routes.add(new Route(method, template, handler, isPublic, maxBodyBytes, false, null));
      return this;
    }

    public Router build() {
      if (routes.isEmpty()) {
        throw new IllegalStateException("a router needs at least one route");
      }
      return new Router(routes);
    }
  }
}
