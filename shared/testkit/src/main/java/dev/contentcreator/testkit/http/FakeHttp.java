package dev.contentcreator.testkit.http;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Functions Framework request and response held in memory, so a function's tests call its
 * {@code service} method exactly as the framework would, without a server.
 */
public final class FakeHttp {
  private FakeHttp() {}

  /** A request; headers are matched without regard to case, as HTTP does. */
  public static final class Request implements HttpRequest {
    private final String method;
    private final String path;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private byte[] body = new byte[0];

    public Request(String method, String path) {
      this.method = method;
      this.path = path;
    }

    public Request header(String name, String value) {
      headers.computeIfAbsent(name, x -> new ArrayList<>()).add(value);
      return this;
    }

    /** Sets a JSON body with its Content-Type and Content-Length. */
    public Request json(String text) {
      return body(text.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    public Request body(byte[] bytes, String contentType) {
      body = bytes.clone();
      headers.remove("Content-Type");
      headers.remove("Content-Length");
      header("Content-Type", contentType);
      return header("Content-Length", Integer.toString(body.length));
    }

    @Override public String getMethod() { return method; }
    @Override public String getUri() { return path; }
    @Override public String getPath() { return path; }
    @Override public Optional<String> getQuery() { return Optional.empty(); }
    @Override public Map<String, List<String>> getQueryParameters() { return Map.of(); }
    @Override public Map<String, HttpPart> getParts() { return Map.of(); }
    @Override public Optional<String> getContentType() { return getFirstHeader("Content-Type"); }
    @Override public long getContentLength() {
      return getFirstHeader("Content-Length").map(Long::parseLong).orElse(-1L);
    }
    @Override public Optional<String> getCharacterEncoding() { return Optional.empty(); }
    @Override public InputStream getInputStream() { return new ByteArrayInputStream(body); }
    @Override public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
    @Override public Map<String, List<String>> getHeaders() { return headers; }
  }

  /** A response that keeps its status, headers and body for the test to read. */
  public static final class Response implements HttpResponse {
    private int status = 200;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    @Override public void setStatusCode(int code) { status = code; }
    @Override public void setStatusCode(int code, String message) { status = code; }
    @Override public void setContentType(String type) { headers.put("Content-Type", new ArrayList<>(List.of(type))); }
    @Override public Optional<String> getContentType() { return header("Content-Type"); }
    @Override public void appendHeader(String k, String v) { headers.computeIfAbsent(k, x -> new ArrayList<>()).add(v); }
    @Override public Map<String, List<String>> getHeaders() { return headers; }
    @Override public OutputStream getOutputStream() { return body; }
    @Override public BufferedWriter getWriter() {
      return new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
    }

    public int status() {
      return status;
    }

    public Optional<String> header(String name) {
      List<String> v = headers.get(name);
      return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public String text() {
      return body.toString(StandardCharsets.UTF_8);
    }

    /** The body as a JSON object (a problem+json or a JSON answer). */
    public JsonObject json() {
      return JsonParser.parseString(text()).getAsJsonObject();
    }
  }
}
