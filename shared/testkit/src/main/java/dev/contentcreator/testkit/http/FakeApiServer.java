package dev.contentcreator.testkit.http;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server that speaks a provider's wire format from fixtures, for testing an SDK
 * pointed at it: it records every request and answers by path, with faults on demand (error
 * statuses, slow answers, streams cut mid-way, truncated JSON). On the loopback address only.
 */
public final class FakeApiServer implements AutoCloseable {

  /** How the server answers one request. */
  @FunctionalInterface
  public interface Answer {
    void write(HttpExchange exchange, Recorded request) throws IOException;
  }

  /** One request as the server received it. */
  public record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    public JsonObject json() {
      return JsonParser.parseString(body).getAsJsonObject();
    }
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final String fixtures;

  private FakeApiServer(String fixtures) throws IOException {
    this.fixtures = fixtures;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A server whose fixtures are under {@code src/test/resources/<fixtures>}. */
  public static FakeApiServer start(String fixtures) {
    try {
      return new FakeApiServer(fixtures);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers requests to this exact path this way from now on. */
  public FakeApiServer on(String path, Answer answer) {
    answers.put(path, answer);
    return this;
  }

  /** Answers the first request to the path one way and every later one another. */
  public FakeApiServer onFirstThen(String path, Answer first, Answer then) {
    java.util.concurrent.atomic.AtomicBoolean used = new java.util.concurrent.atomic.AtomicBoolean();
    return on(path, (exchange, request) -> (used.compareAndSet(false, true) ? first : then).write(exchange, request));
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** The one request received; fails when there was not exactly one. */
  public Recorded onlyRequest() {
    if (requests.size() != 1) {
      throw new AssertionError("expected one request, got " + requests.size());
    }
    return requests.get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
        exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
    requests.add(request);
    Answer answer = answers.getOrDefault(request.path(),
        json(404, "{\"error\":{\"code\":404,\"message\":\"no route for " + request.path() + "\",\"status\":\"NOT_FOUND\"}}"));
    answer.write(exchange, request);
    exchange.close();
  }

  // ----- answers

  /** A JSON answer with a status and header name/value pairs. */
  public static Answer json(int status, String body, String... headers) {
    return (exchange, request) -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      for (int i = 0; i < headers.length; i += 2) {
        exchange.getResponseHeaders().set(headers[i], headers[i + 1]);
      }
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    };
  }

  /** A server-sent event stream, one event per blank-line-separated block, flushed as it goes. */
  public static Answer sse(String stream) {
    return (exchange, request) -> {
      startStream(exchange);
      try (OutputStream out = exchange.getResponseBody()) {
        for (String event : events(stream)) {
          writeEvent(out, event);
        }
      }
    };
  }

  /** The first {@code keep} events of a stream, then the connection drops without ending the body. */
  public static Answer sseCut(String stream, int keep) {
    return (exchange, request) -> {
      startStream(exchange);
      OutputStream out = exchange.getResponseBody();
      List<String> events = events(stream);
      for (int i = 0; i < keep; i++) {
        writeEvent(out, events.get(i));
      }
      // An exception out of a handler makes the JDK server close the socket mid-body.
      throw new IOException("cutting the stream on purpose");
    };
  }

  /** The first {@code keep} events of a stream, then a clean end of the body. */
  public static Answer sseEndEarly(String stream, int keep) {
    return (exchange, request) -> {
      startStream(exchange);
      try (OutputStream out = exchange.getResponseBody()) {
        List<String> events = events(stream);
        for (int i = 0; i < keep; i++) {
          writeEvent(out, events.get(i));
        }
      }
    };
  }

  /** Waits, then answers; the wait ends early when the server closes. */
  public static Answer slow(Duration wait, Answer then) {
    return (exchange, request) -> {
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      then.write(exchange, request);
    };
  }

  public static List<String> events(String stream) {
    return List.of(stream.strip().split("\n\n"));
  }

  private static void startStream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
  }

  private static void writeEvent(OutputStream out, String event) throws IOException {
    out.write((event + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** A fixture under {@code src/test/resources/<fixtures>}. */
  public String fixture(String name) {
    try (InputStream in = FakeApiServer.class.getResourceAsStream("/" + fixtures + "/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + fixtures + "/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
