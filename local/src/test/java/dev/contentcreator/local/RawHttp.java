package dev.contentcreator.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 spoken by hand over a socket, for requests that {@link java.net.http.HttpClient} will
 * not send: a path with malformed escapes, header values with raw non-ASCII bytes, a body whose
 * Content-Type is missing, a method nobody defined. One request per connection. Every answer is
 * held to docs/openapi.yaml ({@link ApiContract}).
 */
final class RawHttp {
  private RawHttp() {}

  /** One header as it goes on the wire: the value is bytes, so it may hold anything but CR and LF. */
  record Header(String name, byte[] value) {
    static Header of(String name, String value) {
      return new Header(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The answer: status 0 when the server closed or timed out without one. */
  record Reply(int status, Map<String, String> headers, byte[] body, String failure) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * Sends one request and reads the whole answer. Adds Host, Connection: close and, unless the
   * caller sets Transfer-Encoding or Content-Length, a Content-Length for the body.
   */
  static Reply send(InetSocketAddress to, String method, String target, List<Header> headers, byte[] body,
      Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(to, (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      head.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
      head.writeBytes(("Host: " + to.getHostString() + ":" + to.getPort() + "\r\nConnection: close\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      boolean framed = false;
      for (Header h : headers) {
        framed |= h.name().equalsIgnoreCase("Content-Length") || h.name().equalsIgnoreCase("Transfer-Encoding");
        head.writeBytes((h.name() + ": ").getBytes(StandardCharsets.US_ASCII));
        head.writeBytes(h.value());
        head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      byte[] payload = body == null ? new byte[0] : body;
      if (!framed && (payload.length > 0 || !(method.equals("GET") || method.equals("HEAD")))) {
        head.writeBytes(("Content-Length: " + payload.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      }
      head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.toByteArray());
        out.write(payload);
        out.flush();
        socket.shutdownOutput();
      } catch (IOException e) {
        // The server may answer (a 413) and close before it has read everything: read what it said.
      }
      Reply reply = read(socket.getInputStream(), method.equals("HEAD"));
      if (reply.status() != 0) {
        ApiContract.OF_REPO.check(method, target.split("[?#]", 2)[0], reply.status(), reply.header("Content-Type"),
            reply.text());
      }
      return reply;
    } catch (SocketTimeoutException e) {
      return new Reply(0, Map.of(), new byte[0], "no answer within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      return new Reply(0, Map.of(), new byte[0], e.toString());
    }
  }

  private static Reply read(InputStream in, boolean head) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try {
      in.transferTo(all);
    } catch (IOException e) {
      if (all.size() == 0) {
        throw e;
      }
    }
    byte[] bytes = all.toByteArray();
    int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
    if (end < 0) {
      return new Reply(0, Map.of(), bytes, "the answer has no complete head (" + bytes.length + " bytes)");
    }
    String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : 0;
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
            (a, b) -> a + ", " + b);
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
    if (!head && "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Reply(status, headers, body, null);
  }

  private static byte[] unchunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int eol = indexOf(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
      if (eol < 0) {
        break;
      }
      String size = new String(chunked, at, eol - at, StandardCharsets.US_ASCII).split(";", 2)[0].trim();
      int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
      if (n == 0) {
        break;
      }
      out.write(chunked, eol + 2, Math.min(n, chunked.length - eol - 2));
      at = eol + 2 + n + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = from; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static List<Header> headers(Header... hs) {
    return new ArrayList<>(List.of(hs));
  }
}
