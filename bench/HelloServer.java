import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The reference of bench/gateway.sh: the JDK's own HTTP server on as many threads as the local
 * server's (32), answering every request with the bytes of a file as JSON, and nothing else. Run
 * with the source launcher: {@code java bench/HelloServer.java <port> <body file> [<headers file>]}.
 * The headers file, as {@code curl -D} writes it, gives the headers of the product's answer, so
 * that both send the same bytes; the status line, Date and Content-Length are the server's own.
 */
public final class HelloServer {
  public static void main(String[] args) throws Exception {
    // As the local server does: without it, small answers wait for delayed ACKs (about 40 ms each).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    byte[] body = Files.readAllBytes(Path.of(args[1]));
    List<String[]> headers = new ArrayList<>();
    if (args.length > 2) {
      for (String line : Files.readAllLines(Path.of(args[2]))) {
        int colon = line.indexOf(':');
        String name = colon > 0 ? line.substring(0, colon).trim() : "";
        if (!name.isEmpty() && !name.equalsIgnoreCase("Date") && !name.equalsIgnoreCase("Content-Length")) {
          headers.add(new String[] {name, line.substring(colon + 1).trim()});
        }
      }
    }
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 256);
    server.setExecutor(Executors.newFixedThreadPool(32));
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      if (headers.isEmpty()) {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
      }
      for (String[] h : headers) {
        exchange.getResponseHeaders().add(h[0], h[1]);
      }
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }
}
