package dev.contentcreator.core.net;

import dev.contentcreator.core.net.UpstreamException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 GET over a socket already connected to a vetted address: writes the request with the
 * original Host header, reads the status and headers with bounds on their size, and reads the body
 * (Content-Length, chunked, or until close) under a byte cap. Every read waits at most until the
 * fetch's deadline, so a host that trickles bytes cannot stretch the time cap.
 */
final class Http1Response {
  private static final int MAX_LINE = 8 * 1024;
  private static final int MAX_HEADERS = 100;

  final int status;
  private final Map<String, List<String>> headers;
  private final InputStream in;
  private final String url;

  private Http1Response(int status, Map<String, List<String>> headers, InputStream in, String url) {
    this.status = status;
    this.headers = headers;
    this.in = in;
    this.url = url;
  }

  /** Sends {@code GET target} and reads the answer's head; the body is left to {@link #readBody}. */
  static Http1Response exchange(Socket socket, String hostHeader, String target, long deadlineNanos, String url)
      throws IOException, UpstreamException {
    String request = "GET " + target + " HTTP/1.1\r\n"
        + "Host: " + hostHeader + "\r\n"
        + "User-Agent: content-creator-media-fetcher\r\n"
        + "Accept: */*\r\n"
        + "Accept-Encoding: identity\r\n"
        + "Connection: close\r\n\r\n";
    return send(socket, request.getBytes(StandardCharsets.US_ASCII), null, deadlineNanos, url);
  }

  /**
   * Sends {@code POST target} with {@code headers} (names and values already free of CR and LF) and
   * {@code body}, and reads the answer's head; the body is left to {@link #readExcerpt}.
   */
  static Http1Response post(Socket socket, String hostHeader, String target, Map<String, String> headers,
      byte[] body, String userAgent, long deadlineNanos, String url) throws IOException, UpstreamException {
    return request(socket, "POST", hostHeader, target, headers, body, userAgent, deadlineNanos, url);
  }

  /**
   * Sends {@code method target} with {@code headers} (free of CR and LF) and {@code body} (a
   * Content-Length of 0 when empty), and reads the answer's head.
   */
  static Http1Response request(Socket socket, String method, String hostHeader, String target,
      Map<String, String> headers, byte[] body, String userAgent, long deadlineNanos, String url)
      throws IOException, UpstreamException {
    StringBuilder head = new StringBuilder(256)
        .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
        .append("Host: ").append(hostHeader).append("\r\n")
        .append("User-Agent: ").append(userAgent).append("\r\n")
        .append("Accept: */*\r\n")
        .append("Accept-Encoding: identity\r\n")
        .append("Connection: close\r\n")
        .append("Content-Length: ").append(body.length).append("\r\n");
    headers.forEach((k, v) -> {
      if (k.indexOf('\r') >= 0 || k.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a header may not hold a line break: " + k);
      }
      head.append(k).append(": ").append(v).append("\r\n");
    });
    head.append("\r\n");
    return send(socket, head.toString().getBytes(StandardCharsets.ISO_8859_1), body, deadlineNanos, url);
  }

  private static Http1Response send(Socket socket, byte[] head, byte[] body, long deadlineNanos, String url)
      throws IOException, UpstreamException {
    OutputStream out = socket.getOutputStream();
    out.write(head);
    if (body != null) {
      out.write(body);
    }
    out.flush();
    InputStream in = new java.io.BufferedInputStream(new DeadlineInputStream(socket, deadlineNanos), 16 * 1024);
    while (true) {
      String statusLine = readLine(in, url);
      int status = parseStatus(statusLine, url);
      Map<String, List<String>> headers = readHeaders(in, url);
      if (status >= 100 && status < 200) {
        continue;
      }
      return new Http1Response(status, headers, in, url);
    }
  }

  String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null ? null : values.get(0);
  }

  /** The body, refusing it as soon as it is known to pass {@code maxBytes}. */
  byte[] readBody(long maxBytes) throws IOException, FetchException {
    if (status == 204 || status == 205) {
      return new byte[0];
    }
    List<String> transfer = headers.get("transfer-encoding");
    if (transfer != null) {
      String last = transfer.get(transfer.size() - 1);
      String[] codings = last.split(",");
      if (!codings[codings.length - 1].trim().equalsIgnoreCase("chunked")) {
        throw malformed("a transfer coding other than chunked: " + last);
      }
      return readChunked(maxBytes);
    }
    List<String> lengths = headers.get("content-length");
    if (lengths != null) {
      long length = parseLength(lengths);
      if (length > maxBytes) {
        throw new TooLargeException(url, maxBytes, true);
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(length, 1 << 20));
      if (copy(body, length, maxBytes) < length) {
        throw malformed("the body ended before its Content-Length");
      }
      return body.toByteArray();
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    copy(body, Long.MAX_VALUE, maxBytes);
    return body.toByteArray();
  }

  /**
   * At most {@code maxBytes} of the body, cut there without failing (the connection closes after
   * this answer, so what is left unread is dropped): the excerpt of an answer kept in a log.
   */
  byte[] readExcerpt(int maxBytes) throws IOException, FetchException {
    if (status == 204 || status == 205 || status == 304) {
      return new byte[0];
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(maxBytes, 4096));
    List<String> transfer = headers.get("transfer-encoding");
    if (transfer != null) {
      while (body.size() < maxBytes) {
        String line = readLine(in, url);
        int semi = line.indexOf(';');
        String hex = (semi >= 0 ? line.substring(0, semi) : line).trim();
        if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
          throw malformed("a bad chunk size");
        }
        long size = Long.parseLong(hex, 16);
        if (size == 0) {
          break;
        }
        long want = Math.min(size, maxBytes - body.size());
        if (copy(body, want, maxBytes) < want) {
          throw malformed("the body ended inside a chunk");
        }
        if (want < size) {
          break;
        }
        if (!readLine(in, url).isEmpty()) {
          throw malformed("a chunk longer than its size");
        }
      }
      return body.toByteArray();
    }
    List<String> lengths = headers.get("content-length");
    long length = lengths != null ? parseLength(lengths) : Long.MAX_VALUE;
    copy(body, Math.min(length, maxBytes), maxBytes);
    return body.toByteArray();
  }

  private byte[] readChunked(long maxBytes) throws IOException, FetchException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String line = readLine(in, url);
      int semi = line.indexOf(';');
      String hex = (semi >= 0 ? line.substring(0, semi) : line).trim();
      if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        throw malformed("a bad chunk size");
      }
      long size = Long.parseLong(hex, 16);
      if (size == 0) {
        readHeaders(in, url);
        return body.toByteArray();
      }
      if (body.size() + size > maxBytes) {
        throw new TooLargeException(url, maxBytes, false);
      }
      if (copy(body, size, maxBytes) < size) {
        throw malformed("the body ended inside a chunk");
      }
      if (!readLine(in, url).isEmpty()) {
        throw malformed("a chunk longer than its size");
      }
    }
  }

  /** Copies up to {@code count} bytes (until end of stream), refusing once the total passes the cap. */
  private long copy(ByteArrayOutputStream body, long count, long maxBytes) throws IOException, TooLargeException {
    byte[] buffer = new byte[16 * 1024];
    long copied = 0;
    while (copied < count) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, count - copied));
      if (n < 0) {
        break;
      }
      if (body.size() + (long) n > maxBytes) {
        throw new TooLargeException(url, maxBytes, false);
      }
      body.write(buffer, 0, n);
      copied += n;
    }
    return copied;
  }

  private long parseLength(List<String> values) throws UpstreamException {
    String seen = null;
    for (String value : values) {
      for (String part : value.split(",")) {
        String p = part.trim();
        if (p.isEmpty() || p.length() > 18 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
          throw malformed("a bad Content-Length");
        }
        if (seen != null && !seen.equals(p)) {
          throw malformed("Content-Length values that disagree");
        }
        seen = p;
      }
    }
    return Long.parseLong(seen);
  }

  private static int parseStatus(String line, String url) throws UpstreamException {
    if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' '
        || !line.substring(9, 12).chars().allMatch(c -> c >= '0' && c <= '9')
        || (line.length() > 12 && line.charAt(12) != ' ')) {
      throw new UpstreamException(url, Reason.MALFORMED, 0, url + " gave a bad status line", null);
    }
    return Integer.parseInt(line.substring(9, 12));
  }

  private static Map<String, List<String>> readHeaders(InputStream in, String url)
      throws IOException, UpstreamException {
    Map<String, List<String>> headers = new HashMap<>();
    for (int count = 0; ; count++) {
      String line = readLine(in, url);
      if (line.isEmpty()) {
        return headers;
      }
      int colon = line.indexOf(':');
      if (count >= MAX_HEADERS || colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t'
          || line.substring(0, colon).chars().anyMatch(c -> c <= ' ')) {
        throw new UpstreamException(url, Reason.MALFORMED, 0, url + " gave a bad or excessive header", null);
      }
      headers.computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
  }

  /** A line without its CRLF (or bare LF), at most {@value #MAX_LINE} bytes. */
  private static String readLine(InputStream in, String url) throws IOException, UpstreamException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new UpstreamException(url, Reason.MALFORMED, 0, url + " closed the connection mid-answer", null);
      }
      if (c == '\n') {
        byte[] b = line.toByteArray();
        int end = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
        return new String(b, 0, end, StandardCharsets.ISO_8859_1);
      }
      if (line.size() >= MAX_LINE) {
        throw new UpstreamException(url, Reason.MALFORMED, 0, url + " sent a line that is too long", null);
      }
      line.write(c);
    }
  }

  private UpstreamException malformed(String what) {
    return new UpstreamException(url, Reason.MALFORMED, 0, url + " gave " + what, null);
  }

  /** Reads from a socket, never waiting past the deadline. */
  private static final class DeadlineInputStream extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private final long deadlineNanos;

    DeadlineInputStream(Socket socket, long deadlineNanos) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.deadlineNanos = deadlineNanos;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        throw new SocketTimeoutException("the time cap was reached");
      }
      socket.setSoTimeout(SafeFetcher.clampMillis(Math.max(1, left / 1_000_000)));
      return in.read(b, off, len);
    }
  }
}
