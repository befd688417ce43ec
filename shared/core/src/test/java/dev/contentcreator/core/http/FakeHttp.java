package dev.contentcreator.core.http;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
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

/** In-memory Functions Framework request and response, for gateway tests. */
final class FakeHttp {
  private FakeHttp() {}

  static final class Request implements HttpRequest {
    final String method;
    final String path;
    final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, List<String>> query = new TreeMap<>();
    byte[] body = new byte[0];

    Request(String method, String path) {
      this.method = method;
      this.path = path;
    }

    Request header(String k, String v) {
      headers.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      return this;
    }

    Request json(String text) {
      body = text.getBytes(StandardCharsets.UTF_8);
      header("Content-Type", "application/json");
      return header("Content-Length", Integer.toString(body.length));
    }

    @Override public String getMethod() { return method; }
    @Override public String getUri() { return path; }
    @Override public String getPath() { return path; }
    @Override public Optional<String> getQuery() { return Optional.empty(); }
    @Override public Map<String, List<String>> getQueryParameters() { return query; }
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

  static final class Response implements HttpResponse {
    int status = 200;
    final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    @Override public void setStatusCode(int code) { status = code; }
    @Override public void setStatusCode(int code, String message) { status = code; }
    @Override public void setContentType(String type) { headers.put("Content-Type", List.of(type)); }
    @Override public Optional<String> getContentType() { return Optional.ofNullable(header("Content-Type")); }
    @Override public void appendHeader(String k, String v) { headers.computeIfAbsent(k, x -> new ArrayList<>()).add(v); }
    @Override public Map<String, List<String>> getHeaders() { return headers; }
    @Override public OutputStream getOutputStream() { return body; }
    @Override public BufferedWriter getWriter() { return new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8)); }

    String header(String k) {
      List<String> v = headers.get(k);
      return v == null ? null : v.get(0);
    }

    String text() {
      return body.toString(StandardCharsets.UTF_8);
    }
  }
}
