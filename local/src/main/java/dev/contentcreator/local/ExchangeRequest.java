package dev.contentcreator.local;

import com.google.cloud.functions.HttpRequest;
import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A JDK {@link HttpExchange} seen as the Functions Framework's {@link HttpRequest}, the way Cloud
 * Functions hands a request to a function: headers case-insensitive, and the client's address
 * appended to {@code X-Forwarded-For} as the front end of Cloud Run does.
 */
final class ExchangeRequest implements HttpRequest {
  private final HttpExchange exchange;
  private final Map<String, List<String>> headers;
  private final Map<String, List<String>> query;

  ExchangeRequest(HttpExchange exchange) {
    this.exchange = exchange;
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((k, v) -> h.put(k, List.copyOf(v)));
    String client = exchange.getRemoteAddress().getAddress().getHostAddress();
    List<String> forwarded = h.get("X-Forwarded-For");
    h.put("X-Forwarded-For", List.of(forwarded == null || forwarded.isEmpty() ? client
        : String.join(", ", forwarded) + ", " + client));
    this.headers = Collections.unmodifiableMap(h);
    this.query = parseQuery(exchange.getRequestURI().getRawQuery());
  }

  private static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  @Override
  public String getMethod() {
    return exchange.getRequestMethod();
  }

  @Override
  public String getUri() {
    return exchange.getRequestURI().toString();
  }

  @Override
  public String getPath() {
    return exchange.getRequestURI().getRawPath();
  }

  @Override
  public Optional<String> getQuery() {
    return Optional.ofNullable(exchange.getRequestURI().getRawQuery());
  }

  @Override
  public Map<String, List<String>> getQueryParameters() {
    return query;
  }

  @Override
  public Map<String, HttpPart> getParts() {
    throw new IllegalStateException("multipart bodies are not used by this product's functions");
  }

  @Override
  public Optional<String> getContentType() {
    return getFirstHeader("Content-Type");
  }

  @Override
  public long getContentLength() {
    try {
      return getFirstHeader("Content-Length").map(Long::parseLong).orElse(-1L);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public Optional<String> getCharacterEncoding() {
    return getContentType().flatMap(t -> {
      for (String part : t.split(";")) {
        String p = part.trim();
        if (p.regionMatches(true, 0, "charset=", 0, 8)) {
          return Optional.of(p.substring(8).replace("\"", ""));
        }
      }
      return Optional.empty();
    });
  }

  /** The body; closing it leaves the exchange's stream open, for the server drains it after the function. */
  @Override
  public InputStream getInputStream() {
    return new java.io.FilterInputStream(exchange.getRequestBody()) {
      @Override
      public void close() {
        // The server owns the exchange's stream.
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    Charset cs = getCharacterEncoding().map(Charset::forName).orElse(StandardCharsets.UTF_8);
    return new BufferedReader(new InputStreamReader(getInputStream(), cs));
  }

  @Override
  public Map<String, List<String>> getHeaders() {
    return headers;
  }

  @Override
  public Optional<String> getFirstHeader(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }
}
