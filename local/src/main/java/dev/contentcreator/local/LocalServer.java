package dev.contentcreator.local;

import com.google.cloud.functions.HttpFunction;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.contentcreator.core.http.SecretPaths;
import dev.contentcreator.core.log.Log;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Every function of the product in one JVM behind one port, routed exactly as Firebase Hosting
 * routes production: an existing file of the PWA is served; otherwise the first rewrite of
 * {@code firebase.json} that matches names a function or a file. The Auth emulator's REST paths
 * are passed through to a browser on this machine only: a request from any other address gets 404,
 * since the emulator's admin API takes {@code Bearer owner} (and the server listens on loopback
 * only while it uses the emulator; see {@link LocalSettings}).
 */
public final class LocalServer implements AutoCloseable {
  private static final Set<String> EMULATOR_PREFIXES =
      Set.of("/identitytoolkit.googleapis.com/", "/securetoken.googleapis.com/", "/emulator/");
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
      "upgrade", "proxy-authorization", "proxy-authenticate", "trailer", "host", "content-length");

  private final LocalSettings settings;
  private final HostingConfig hosting;
  private final StaticFiles files;
  private final Map<String, HttpFunction> functions = new ConcurrentHashMap<>();
  private final HttpClient proxy = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final HttpServer server;
  private final ExecutorService executor;

  static {
    // Without TCP_NODELAY, headers and body leave in two packets and the client's delayed ACK
    // holds every answer ~40 ms. Read once by the JDK server's configuration, so set it first.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private LocalServer(LocalSettings settings, HostingConfig hosting) throws IOException {
    this.settings = settings;
    this.hosting = hosting;
    this.files = new StaticFiles(settings.projectRoot().resolve(hosting.publicDir()));
    this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 256);
    this.executor = Executors.newFixedThreadPool(settings.threads(), r -> {
      Thread t = new Thread(r, "http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /** Reads firebase.json, checks that every rewrite's function exists, and starts listening. */
  public static LocalServer start(LocalSettings settings) throws IOException {
    HostingConfig hosting = HostingConfig.read(settings.projectRoot().resolve("firebase.json"));
    LocalServer s = new LocalServer(settings, hosting);
    for (HostingConfig.Rewrite r : hosting.rewrites()) {
      if (r.functionId() != null) {
        FunctionCatalog.resolve(r.functionId());
      }
    }
    s.server.start();
    return s;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) {
    try {
      String path = exchange.getRequestURI().getRawPath();
      if (path.equals("/__/firebase/init.json")) {
        sendJson(exchange, initJson(exchange));
        return;
      }
      if (settings.authEmulatorHost() != null && EMULATOR_PREFIXES.stream().anyMatch(path::startsWith)) {
        if (!mayReachEmulator(exchange.getRemoteAddress())) {
          Log.warning("refused the Auth emulator's " + exchange.getRequestMethod() + " " + path
              + " to " + exchange.getRemoteAddress().getAddress().getHostAddress() + ": loopback only");
          sendText(exchange, 404, "Not found.");
          return;
        }
        forwardToEmulator(exchange);
        return;
      }
      String method = exchange.getRequestMethod();
      boolean readOnly = method.equals("GET") || method.equals("HEAD");
      if (readOnly && !path.startsWith("/api/")) {
        Optional<StaticFiles.Asset> asset = files.find(decode(path));
        if (asset.isEmpty() && !path.endsWith(".html") && !path.endsWith("/")) {
          asset = files.find(decode(path) + ".html");
        }
        if (asset.isPresent()) {
          sendAsset(exchange, path, asset.get());
          return;
        }
      }
      Optional<HostingConfig.Rewrite> rewrite = hosting.rewriteFor(path);
      if (rewrite.isPresent() && rewrite.get().functionId() != null) {
        BufferedResponse response = new BufferedResponse(exchange);
        function(rewrite.get().functionId()).service(new ExchangeRequest(exchange), response);
        drainUnreadBody(exchange);
        response.send();
        return;
      }
      if (rewrite.isPresent() && readOnly) {
        Optional<StaticFiles.Asset> target = files.find(rewrite.get().destination());
        if (target.isPresent()) {
          // Hosting matches header rules against the address asked for (a share link's page
          // /s/<token> is not indexed); the file's own rules (index.html: no-cache) apply too.
          hosting.headersFor(path).forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
          sendAsset(exchange, rewrite.get().destination(), target.get());
          return;
        }
      }
      sendText(exchange, 404, "Not found. (Is the PWA built? Expected it in " + files.root() + ")");
    } catch (Exception e) {
      // Functions answer their own errors; reaching here is a bug of this server.
      Log.error("local server failed on " + SecretPaths.redact(exchange.getRequestURI().getRawPath()), e);
      try {
        sendText(exchange, 500, "Internal error of the local server.");
      } catch (IOException | RuntimeException ignored) {
        // The client is gone or the answer was already started.
      }
    } finally {
      exchange.close();
    }
  }

  /** Whether a request from {@code remote} may use the Auth emulator's paths: from this machine only. */
  static boolean mayReachEmulator(InetSocketAddress remote) {
    return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
  }

  private HttpFunction function(String id) {
    return functions.computeIfAbsent(id, FunctionCatalog::instantiate);
  }

  private JsonObject initJson(HttpExchange exchange) {
    JsonObject o = new JsonObject();
    o.addProperty("apiKey", settings.firebaseApiKey());
    o.addProperty("projectId", settings.projectId());
    o.addProperty("authDomain", settings.projectId() + ".firebaseapp.com");
    if (settings.authEmulatorHost() != null) {
      String host = exchange.getRequestHeaders().getFirst("Host");
      o.addProperty("authEmulatorUrl", "http://" + (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]+")
          ? settings.authEmulatorHost() : host));
    }
    return o;
  }

  private void forwardToEmulator(HttpExchange exchange) throws IOException, InterruptedException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    HttpRequest.Builder req = HttpRequest.newBuilder(
            URI.create("http://" + settings.authEmulatorHost() + exchange.getRequestURI().toString()))
        .timeout(Duration.ofSeconds(30))
        .method(exchange.getRequestMethod(), body.length == 0
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((k, values) -> {
      if (!HOP_BY_HOP.contains(k.toLowerCase(Locale.ROOT))) {
        values.forEach(v -> req.header(k, v));
      }
    });
    HttpResponse<byte[]> r = proxy.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    r.headers().map().forEach((k, values) -> {
      if (!HOP_BY_HOP.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
        exchange.getResponseHeaders().put(k, values);
      }
    });
    byte[] out = r.body();
    exchange.sendResponseHeaders(r.statusCode(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(out);
      }
    }
  }

  private void sendAsset(HttpExchange exchange, String path, StaticFiles.Asset asset) throws IOException {
    hosting.headersFor(path).forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    var h = exchange.getResponseHeaders();
    h.set("Content-Type", asset.contentType());
    h.set("ETag", asset.etag());
    h.set("Vary", "Accept-Encoding");
    if (!h.containsKey("Cache-Control")) {
      h.set("Cache-Control", "no-cache");
    }
    String inm = exchange.getRequestHeaders().getFirst("If-None-Match");
    if (asset.etag().equals(inm)) {
      exchange.sendResponseHeaders(304, -1);
      return;
    }
    String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
    byte[] bytes = asset.bytes();
    if (asset.gzipped() != null && accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip")) {
      h.set("Content-Encoding", "gzip");
      bytes = asset.gzipped();
    }
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(200, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(bytes);
      }
    }
  }

  private static void sendJson(HttpExchange exchange, JsonObject body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(bytes);
    }
  }

  private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(bytes);
    }
  }

  /**
   * Reads what the function left of the request body (an oversized upload it refused), up to a
   * bound, so the client gets to read the answer instead of a reset connection.
   */
  private static void drainUnreadBody(HttpExchange exchange) {
    var in = exchange.getRequestBody();
    int n;
    try {
      // Nearly always nothing is left; the buffer is only made when something is (a request's
      // 64 KiB of zeroes was 3% of the server's CPU on small GETs).
      if (in.read() < 0) {
        return;
      }
      byte[] buffer = new byte[64 * 1024];
      long left = 64L * 1024 * 1024 - 1;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException e) {
      // The client sent less than it declared and stopped: the function's answer still goes out.
    }
  }

  private static String decode(String rawPath) {
    try {
      return java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return rawPath;
    }
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

}
