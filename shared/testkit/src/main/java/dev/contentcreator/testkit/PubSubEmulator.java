package dev.contentcreator.testkit;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The Pub/Sub emulator for tests, as {@code host:port}. It is the one at {@code PUBSUB_EMULATOR_HOST}
 * when that is set; otherwise one started here with the machine's gcloud ({@code gcloud beta
 * emulators pubsub start}) on a free loopback port, once per JVM, stopped with the JVM. When gcloud
 * or its Pub/Sub emulator is not installed, the calling test is aborted (shown as skipped) with a
 * message that says so: the emulator comes with the machine's gcloud and cannot be fetched. An
 * emulator that is there but does not answer (a wrong {@code PUBSUB_EMULATOR_HOST}, a start that
 * fails) fails the test instead, since skipping would hide a fault.
 */
public final class PubSubEmulator {
  /** How long the emulator may take to start listening (it takes 2 to 4 s on two cores). */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private static String host;
  private static String unavailable;
  private static String broken;

  private PubSubEmulator() {}

  /**
   * The emulator's {@code host:port}, starting it on first use. Aborts the test when there is no
   * emulator to use; fails it when an installed emulator does not start, which is a fault to fix.
   */
  public static synchronized String host() {
    if (host == null && unavailable == null && broken == null) {
      String configured = System.getenv("PUBSUB_EMULATOR_HOST");
      if (configured != null && !configured.isBlank()) {
        requireListening(configured.trim());
      } else {
        start();
      }
    }
    Assumptions.assumeTrue(unavailable == null, () -> unavailable);
    if (broken != null) {
      throw new IllegalStateException(broken);
    }
    return host;
  }

  /**
   * Deletes every subscription of {@code projectId} (a {@code demo-} project) in the emulator, through
   * its REST interface, so a process that starts next makes its subscriptions afresh. A subscription
   * that an earlier process pulled from keeps that process's state in the emulator after it stopped;
   * messages of the next process then went unanswered.
   */
  public static void deleteSubscriptions(String projectId) {
    if (!projectId.startsWith("demo-")) {
      throw new IllegalArgumentException("only a demo- project is cleared, got: " + projectId);
    }
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://" + host() + "/v1/projects/" + projectId + "/subscriptions";
    try {
      HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create(base))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      if (listed.statusCode() != 200) {
        throw new IllegalStateException("the Pub/Sub emulator did not list subscriptions: HTTP " + listed.statusCode()
            + " " + listed.body());
      }
      Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"projects/[^/\"]+/subscriptions/([^\"]+)\"")
          .matcher(listed.body());
      while (m.find()) {
        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(
            URI.create(base + "/" + m.group(1))).timeout(Duration.ofSeconds(30)).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());
        if (deleted.statusCode() != 200 && deleted.statusCode() != 404) {
          throw new IllegalStateException("the Pub/Sub emulator did not delete " + m.group(1) + ": HTTP "
              + deleted.statusCode() + " " + deleted.body());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the Pub/Sub emulator did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while clearing the Pub/Sub emulator", e);
    }
  }

  private static void requireListening(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))),
          2000);
      host = hostPort;
    } catch (IOException | RuntimeException e) {
      broken = "PUBSUB_EMULATOR_HOST is " + hostPort + " but no Pub/Sub emulator answers there: " + e;
    }
  }

  private static void start() {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port for the Pub/Sub emulator", e);
    }
    Path dataDir;
    Path log;
    Process process;
    try {
      dataDir = Files.createTempDirectory("pubsub-emulator");
      Files.createDirectories(dataDir.resolve("data"));
      log = dataDir.resolve("emulator.log");
      ProcessBuilder builder = new ProcessBuilder("gcloud", "beta", "emulators", "pubsub", "start",
          "--host-port=127.0.0.1:" + port, "--data-dir=" + dataDir.resolve("data"))
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("CLOUDSDK_CORE_DISABLE_PROMPTS", "1");
      builder.environment().put("CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK", "1");
      process = builder.start();
    } catch (IOException e) {
      unavailable = "the Pub/Sub emulator is not installed: there is no gcloud on the PATH to start it with ("
          + e.getMessage() + "); install the Google Cloud CLI with its pubsub-emulator component, or set "
          + "PUBSUB_EMULATOR_HOST to a running emulator";
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, dataDir), "pubsub-emulator-stop"));
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String output = tail(log);
        if (output.contains("not installed") || output.contains("component")) {
          unavailable = "the Pub/Sub emulator is not installed: gcloud's pubsub-emulator component is missing ("
              + output + ")";
        } else {
          broken = "the Pub/Sub emulator did not start (gcloud exited with " + process.exitValue() + "): " + output;
        }
        return;
      }
      if (listening(port)) {
        host = "127.0.0.1:" + port;
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        unavailable = "interrupted while waiting for the Pub/Sub emulator to start";
        return;
      }
    }
    stop(process, dataDir);
    broken = "the Pub/Sub emulator did not listen on port " + port + " within " + START_TIMEOUT + ": " + tail(log);
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops gcloud and the emulator's JVM it started, then removes the data folder. */
  private static void stop(Process process, Path dataDir) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }

  private static String tail(Path log) {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8).strip();
      return text.length() > 2000 ? "..." + text.substring(text.length() - 2000) : text;
    } catch (IOException e) {
      return "(no output)";
    }
  }
}
