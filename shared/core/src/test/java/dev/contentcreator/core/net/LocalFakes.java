package dev.contentcreator.core.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test doubles that keep every byte on 127.0.0.1: a resolver answering from a map, a connector that
 * records each attempt and routes only the addresses it was told about to a local server, and that
 * server, speaking raw HTTP/1.1 from a script.
 */
final class LocalFakes {
  static final InetAddress LOOPBACK = address(127, 0, 0, 1);

  private LocalFakes() {}

  static InetAddress address(int a, int b, int c, int d) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** Answers from a fixed map; counts the look-ups. */
  static final class MapResolver implements HostResolver {
    private final Map<String, List<InetAddress>> answers;
    final AtomicInteger calls = new AtomicInteger();

    MapResolver(Map<String, List<InetAddress>> answers) {
      this.answers = answers;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      calls.incrementAndGet();
      List<InetAddress> a = answers.get(host);
      if (a == null) {
        throw new UnknownHostException(host);
      }
      return a.toArray(new InetAddress[0]);
    }
  }

  /** One recorded call to the connector. */
  record Attempt(InetAddress address, int port, String hostName, boolean tls) {}

  /**
   * Records every attempt. An attempt to an address it has no route for fails the test at once
   * (AssertionError) without opening anything; a routed one is connected to the local server.
   */
  static final class RecordingConnector implements Connector {
    private final Map<InetAddress, Integer> routes;
    final List<Attempt> attempts = new CopyOnWriteArrayList<>();

    RecordingConnector(Map<InetAddress, Integer> routes) {
      this.routes = routes;
    }

    @Override
    public Socket connect(InetAddress address, int port, String hostName, boolean tls, Duration timeout)
        throws IOException {
      attempts.add(new Attempt(address, port, hostName, tls));
      Integer local = routes.get(address);
      if (local == null) {
        throw new AssertionError("connection attempted to an unrouted address " + address);
      }
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress(LOOPBACK, local), (int) timeout.toMillis());
      return socket;
    }

    List<InetAddress> addresses() {
      return attempts.stream().map(Attempt::address).toList();
    }
  }

  /** Writes an answer for one request. */
  @FunctionalInterface
  interface Script {
    void answer(String requestHead, OutputStream out) throws IOException, InterruptedException;
  }

  /** An HTTP/1.1 server on 127.0.0.1 that answers every connection with the same script. */
  static final class FakeServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;
    final List<String> requests = new CopyOnWriteArrayList<>();

    FakeServer(Script script) throws IOException {
      server = new ServerSocket(0, 16, LOOPBACK);
      thread = new Thread(() -> {
        while (!server.isClosed()) {
          try (Socket s = server.accept()) {
            s.setSoTimeout(5_000);
            String head = readHead(s.getInputStream());
            requests.add(head);
            script.answer(head, s.getOutputStream());
            s.getOutputStream().flush();
          } catch (IOException | InterruptedException e) {
            // the client went away or the server closed: take the next connection, if any
          }
        }
      }, "fake-media-host");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws Exception {
      server.close();
      thread.join(5_000);
    }

    private static String readHead(InputStream in) throws IOException {
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n") && head.length() < 16_384) {
        int c = in.read();
        if (c < 0) {
          break;
        }
        head.append((char) c);
      }
      return head.toString();
    }
  }

  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
