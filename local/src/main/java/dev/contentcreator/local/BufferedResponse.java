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
 * buffer, and {@link #send} puts status, headers and body on the wire with a Content-Length. A
 * {@code text/event-stream} answer is streamed instead: headers go out at once, every write
 * is flushed to the client, and the body is ended by {@link #send}, after the function returns.
 */
final class BufferedResponse implements HttpResponse {
  private final HttpExchange exchange;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private OutputStream streaming;
  private OutputStream raw;
  private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private int status = 200;
  private BufferedWriter writer;

  BufferedResponse(HttpExchange exchange) {
    this.exchange = exchange;
  }

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
  public OutputStream getOutputStream() throws IOException {
    if (streaming != null) {
      return streaming;
    }
    if (getContentType().orElse("").startsWith("text/event-stream")) {
      headers.forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
      exchange.sendResponseHeaders(status, 0);
      raw = exchange.getResponseBody();
      OutputStream wire = raw;
      streaming = new java.io.FilterOutputStream(wire) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          wire.write(b, off, len);
          wire.flush();
        }

        @Override
        public void close() throws IOException {
          // The function closing its stream only flushes it: closing the exchange's body also
          // closes the request's, which the server drains after the function returns (a read of
          // a closed stream: "Stream is closed"). send() ends the answer once the server is done.
          wire.flush();
        }
      };
      return streaming;
    }
    return body;
  }

  @Override
  public BufferedWriter getWriter() throws IOException {
    if (writer == null) {
      writer = new BufferedWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
    }
    return writer;
  }

  void send() throws IOException {
    if (writer != null) {
      writer.flush();
    }
    if (streaming != null) {
      try {
        raw.close();
      } catch (IOException e) {
        // The client went away before the last chunk; the answer is over either way.
      }
      return;
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
