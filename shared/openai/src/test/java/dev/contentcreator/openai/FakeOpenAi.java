package dev.contentcreator.openai;

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
 * A local server speaking OpenAI's wire format from fixtures, recording every request, with
 * faults on demand: error statuses, slow answers, streams cut mid-way, truncated JSON.
 */
final class FakeOpenAi implements AutoCloseable {

  /** How the server answers one request. */
  @FunctionalInterface
  interface Answer {
    void write(HttpExchange exchange, Recorded request) throws IOException;
  }

  /** One request as the server received it. */
  record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    JsonObject json() {
      return JsonParser.parseString(body).getAsJsonObject();
    }
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  private FakeOpenAi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  static FakeOpenAi start() {
    try {
      return new FakeOpenAi();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL to give the client, ending in {@code /v1}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Answers requests to this path (such as {@code /v1/chat/completions}) this way from now on. */
  FakeOpenAi on(String path, Answer answer) {
    answers.put(path, answer);
    return this;
  }

  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** The one request received; fails when there was not exactly one. */
  Recorded onlyRequest() {
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
        Map.copyOf(exchange.getRequestHeaders()), body);
    requests.add(request);
    Answer answer = answers.getOrDefault(request.path(),
        json(404, "{\"error\":{\"message\":\"no route\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}"));
    answer.write(exchange, request);
    exchange.close();
  }

  // ----- answers

  /** A JSON answer with a status and header name/value pairs. */
  static Answer json(int status, String body, String... headers) {
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

  /** A server-sent event stream, one event per chunk, flushed as it goes. */
  static Answer sse(String stream) {
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
  static Answer sseCut(String stream, int keep) {
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

  /** Waits, then answers; the wait ends early when the server closes. */
  static Answer slow(Duration wait, Answer then) {
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

  static List<String> events(String stream) {
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

  /** A fixture under {@code src/test/resources/openai}. */
  static String fixture(String name) {
    try (InputStream in = FakeOpenAi.class.getResourceAsStream("/openai/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
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
