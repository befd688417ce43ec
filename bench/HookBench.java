import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two ends of bench/webhooks.sh, run with the source launcher.
 *
 * <p>{@code java bench/HookBench.java receiver <port>}: a webhook receiver on the JDK's HTTP server
 * (16 threads) that answers every POST with 204 and counts it, keeping the times of the first and
 * the last; {@code GET /stats} answers "count firstMillis lastMillis", {@code POST /reset} starts again.
 *
 * <p>{@code java bench/HookBench.java client <url> <count> <threads> <body file>}: the reference,
 * a bare {@code java.net.http.HttpClient} posting the body {@code count} times from {@code threads}
 * threads, with headers shaped like a signed message's (no signing).
 */
public final class HookBench {
  public static void main(String[] args) throws Exception {
    if (args[0].equals("receiver")) {
      receiver(Integer.parseInt(args[1]));
    } else {
      client(URI.create(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Files.readAllBytes(Path.of(args[4])));
    }
  }

  static void receiver(int port) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    AtomicInteger count = new AtomicInteger();
    AtomicLong first = new AtomicLong();
    AtomicLong last = new AtomicLong();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/in", exchange -> {
      exchange.getRequestBody().readAllBytes();
      long now = System.currentTimeMillis();
      first.compareAndSet(0, now);
      last.accumulateAndGet(now, Math::max);
      count.incrementAndGet();
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.createContext("/stats", exchange -> {
      byte[] body = (count.get() + " " + first.get() + " " + last.get()).getBytes(StandardCharsets.US_ASCII);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.createContext("/reset", exchange -> {
      count.set(0);
      first.set(0);
      last.set(0);
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
  }

  static void client(URI url, int count, int threads, byte[] body) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          try {
            HttpRequest r = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .header("webhook-id", "msg_" + i).header("webhook-timestamp", Long.toString(System.currentTimeMillis() / 1000))
                .header("webhook-signature", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            if (http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 != 2) {
              failed.incrementAndGet();
            }
          } catch (Exception e) {
            failed.incrementAndGet();
          }
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
    if (failed.get() > 0) {
      System.err.println(failed.get() + " reference posts failed");
      System.exit(1);
    }
  }
}
