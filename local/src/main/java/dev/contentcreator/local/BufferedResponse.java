package dev.contentcreator.local;

import com.google.cloud.functions.HttpResponse;
import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Functions Framework's {@link HttpResponse} over a JDK exchange: the function writes into a
 * buffer, and {@link #send} puts status, headers and body on the wire with a Content-Length.
 */
final class BufferedResponse implements HttpResponse {
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private int status = 200;
  private BufferedWriter writer;

  @Override
  public void setStatusCode(int code) {
    this.status = code;
  }

  @Override
  public void setStatusCode(int code, String message) {
    this.status = code;
  }

  @Override
  public void setContentType(String contentType) {
    headers.put("Content-Type", new ArrayList<>(List.of(contentType)));
  }

  @Override
  public Optional<String> getContentType() {
    List<String> v = headers.get("Content-Type");
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  @Override
  public void appendHeader(String header, String value) {
    headers.computeIfAbsent(header, k -> new ArrayList<>()).add(value);
  }

  @Override
  public Map<String, List<String>> getHeaders() {
    return headers;
  }

  @Override
  public OutputStream getOutputStream() {
    return body;
  }

  @Override
  public BufferedWriter getWriter() {
    if (writer == null) {
      writer = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
    }
    return writer;
  }

  void send(HttpExchange exchange) throws IOException {
    if (writer != null) {
      writer.flush();
    }
    headers.forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
    byte[] bytes = body.toByteArray();
    boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    boolean noBody = status == 204 || status == 304;
    exchange.sendResponseHeaders(status, noBody || head ? -1 : bytes.length == 0 ? -1 : bytes.length);
    if (!noBody && !head && bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
