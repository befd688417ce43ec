package dev.contentcreator.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy in front of the test Redis that records the name of every command a client sends
 * (each a RESP array of bulk strings), so a test can count round trips. Jedis writes one command
 * and waits for its answer, so commands sent are round trips made.
 */
final class CountingRedisProxy implements AutoCloseable {
  private final ServerSocket server;
  private final URI target;
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile Gate gate;

  /** Holds the commands that come while it is closed; {@code held} is counted down by the first. */
  private static final class Gate {
    final CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch open = new CountDownLatch(1);
  }

  CountingRedisProxy(URI target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "redis-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  URI uri() {
    return URI.create("redis://127.0.0.1:" + server.getLocalPort() + target.getPath());
  }

  /** The command names sent so far, upper case, in order. */
  List<String> commands() {
    return List.copyOf(commands);
  }

  void clear() {
    commands.clear();
  }

  /** Holds the next command a client sends (and those after it on its connection) until {@link #release()}. */
  void hold() {
    gate = new Gate();
  }

  /** Lets the held command through and holds the next one to come. */
  void releaseAndHoldNext() {
    Gate g = gate;
    gate = new Gate();
    if (g != null) {
      g.open.countDown();
    }
  }

  /** Waits until a command is held. */
  void awaitHeld() throws InterruptedException {
    Gate g = gate;
    if (g == null || !g.held.await(20, TimeUnit.SECONDS)) {
      throw new AssertionError("no command came to be held");
    }
  }

  /** Lets the held command, and any after it, through. */
  void release() {
    Gate g = gate;
    gate = null;
    if (g != null) {
      g.open.countDown();
    }
  }

  /**
   * Closes every connection made so far, as a Redis that went away would, while still taking new
   * ones; a held command stays held (and is dropped when released).
   */
  void breakConnections() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket redis = new Socket(target.getHost(), target.getPort());
        sockets.add(client);
        sockets.add(redis);
        pump("redis-proxy-up", client.getInputStream(), redis.getOutputStream(), true);
        pump("redis-proxy-down", redis.getInputStream(), client.getOutputStream(), false);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(String name, InputStream from, OutputStream to, boolean record) {
    Thread t = new Thread(() -> {
      try (InputStream in = new BufferedInputStream(from)) {
        if (!record) {
          in.transferTo(to);
          return;
        }
        while (true) {
          ByteArrayOutputStream frame = new ByteArrayOutputStream();
          String header = line(in, frame);
          if (header == null) {
            return;
          }
          int parts = Integer.parseInt(header.substring(1));
          String name0 = null;
          for (int i = 0; i < parts; i++) {
            int length = Integer.parseInt(line(in, frame).substring(1));
            byte[] body = in.readNBytes(length + 2);
            frame.write(body);
            if (i == 0) {
              name0 = new String(body, 0, length, StandardCharsets.UTF_8).toUpperCase(java.util.Locale.ROOT);
            }
          }
          Gate g = gate;
          if (g != null) {
            g.held.countDown();
            g.open.await();
          }
          commands.add(name0);
          to.write(frame.toByteArray());
          to.flush();
        }
      } catch (IOException | RuntimeException | InterruptedException e) {
        // The client or Redis closed the connection.
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }

  /** One CRLF-ended line, also copied to {@code frame}; null at the end of the stream. */
  private static String line(InputStream in, ByteArrayOutputStream frame) throws IOException {
    List<Byte> bytes = new ArrayList<>();
    int b;
    while ((b = in.read()) != -1) {
      frame.write(b);
      if (b == '\n' && !bytes.isEmpty() && bytes.get(bytes.size() - 1) == '\r') {
        byte[] text = new byte[bytes.size() - 1];
        for (int i = 0; i < text.length; i++) {
          text[i] = bytes.get(i);
        }
        return new String(text, StandardCharsets.US_ASCII);
      }
      bytes.add((byte) b);
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    release();
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
