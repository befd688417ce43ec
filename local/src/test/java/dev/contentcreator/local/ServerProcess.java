package dev.contentcreator.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local server as a new user runs it: its own JVM, started with {@code Main}, settings as
 * environment variables, stopped with SIGTERM. Tests talk to it over HTTP only.
 */
final class ServerProcess implements AutoCloseable {
  static final Path REPO = Path.of("").toAbsolutePath().getParent();

  private final Process process;
  private final int port;
  private final Path log;

  private ServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static ServerProcess start(Path dataDir, Map<String, String> env) throws IOException, InterruptedException {
    return start(dataDir, freePort(), env);
  }

  /**
   * Starts the server on a port chosen beforehand (see {@link #freePort()}), for settings that must
   * name the server's own address, such as the base URL a provider calls back.
   */
  static ServerProcess start(Path dataDir, int port, Map<String, String> env) throws IOException, InterruptedException {
    Files.createDirectories(dataDir);
    Path log = dataDir.resolve("server-" + port + ".log");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // A test's server lives seconds: C1 alone compiles what it runs at a fraction of C2's CPU,
        // which on two cores the other tests' servers and browsers need.
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().put("PORT", Integer.toString(port));
    pb.environment().put("DATA_DIR", dataDir.toString());
    pb.environment().put("PROJECT_ROOT", REPO.toString());
    pb.environment().put("FIREBASE_AUTH_EMULATOR_HOST", Emulator.hostPort());
    pb.environment().remove("REDIS_URL");
    pb.environment().putAll(env);
    ServerProcess server = new ServerProcess(pb.start(), port, log);
    server.awaitHealthy(Duration.ofSeconds(60));
    return server;
  }

  /** A loopback port free at the time of asking. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the local server exited with " + process.exitValue() + ":\n"
            + Files.readString(log));
      }
      try {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(base().resolve("/api/health")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    close();
    throw new IllegalStateException("the local server did not become healthy:\n" + Files.readString(log));
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  /** Kills the server at once (SIGKILL), as a crash or a power cut would: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Freezes the server (SIGSTOP), as a long pause would: its threads stop, its leases stop being renewed. */
  void pause() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** Lets a {@link #pause() paused} server go on (SIGCONT) from where it stopped. */
  void resume() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    int code = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    if (code != 0) {
      throw new IllegalStateException("kill -" + name + " answered " + code);
    }
  }

  /**
   * Stops the server, and keeps its log in {@code target/server-logs} (the data folder is a test's
   * temporary one, gone after the class): what a failing run's server said is still there to read.
   */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    try {
      Path kept = Path.of("target", "server-logs");
      Files.createDirectories(kept);
      Files.copy(log, kept.resolve(Instant.now().toString().replace(':', '-') + "-" + log.getFileName()),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      System.err.println("could not keep the server's log " + log + ": " + e);
    }
  }
}
