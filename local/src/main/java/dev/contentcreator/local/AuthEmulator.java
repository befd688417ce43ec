package dev.contentcreator.local;

import java.io.IOException;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Firebase Auth emulator of the local server: one already answering at its address is used as
 * it is; otherwise the firebase-tools of the project's {@code node_modules} start it, importing the
 * accounts it exported when it last stopped, so people keep their accounts across restarts.
 */
final class AuthEmulator implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String hostPort;
  private final Process process;

  private AuthEmulator(String hostPort, Process process) {
    this.hostPort = hostPort;
    this.process = process;
  }

  String hostPort() {
    return hostPort;
  }

  /** Whether this server started the emulator (and will stop it). */
  boolean startedHere() {
    return process != null;
  }

  static boolean answers(String hostPort) {
    try {
      HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + hostPort + "/"))
          .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Uses the emulator at {@code hostPort} or starts one there.
   *
   * @param projectRoot where {@code node_modules/.bin/firebase} and {@code firebase.json} are
   * @param stateDir where accounts are exported on exit and imported on start
   */
  static AuthEmulator useOrStart(String hostPort, String projectId, Path projectRoot, Path stateDir, Path logFile,
      Duration timeout) throws IOException, InterruptedException {
    if (answers(hostPort)) {
      return new AuthEmulator(hostPort, null);
    }
    Path cli = projectRoot.resolve("node_modules/.bin/firebase");
    if (!Files.isExecutable(cli)) {
      throw new IllegalStateException("the Auth emulator is not running at " + hostPort
          + " and firebase-tools is not installed: run `npm ci` in " + projectRoot);
    }
    Files.createDirectories(stateDir);
    Files.createDirectories(logFile.getParent());
    List<String> command = new ArrayList<>(List.of(cli.toString(), "emulators:start", "--only", "auth",
        "--project", projectId, "--config", projectRoot.resolve("firebase.json").toString(),
        "--export-on-exit", stateDir.toString()));
    if (Files.exists(stateDir.resolve("firebase-export-metadata.json"))) {
      command.add("--import");
      command.add(stateDir.toString());
    }
    ProcessBuilder pb = new ProcessBuilder(command).directory(projectRoot.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    // No update check and no message of the day: the emulator must start with no internet.
    pb.environment().put("NO_UPDATE_NOTIFIER", "1");
    pb.environment().put("CI", "1");
    pb.environment().remove("FIREBASE_AUTH_EMULATOR_HOST");
    Process p = pb.start();
    AuthEmulator emulator = new AuthEmulator(hostPort, p);
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!p.isAlive()) {
        throw new IllegalStateException("the Auth emulator exited with " + p.exitValue() + "; see " + logFile
            + tail(logFile));
      }
      if (answers(hostPort)) {
        return emulator;
      }
      Thread.sleep(250);
    }
    emulator.close();
    throw new IllegalStateException("the Auth emulator did not answer within " + timeout.toSeconds() + " s; see "
        + logFile + tail(logFile));
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return ":\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  /** Stops an emulator this server started; it exports its accounts as it goes. */
  @Override
  public void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    Optional<ProcessHandle> handle = Optional.of(process.toHandle());
    List<ProcessHandle> children = handle.get().descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    children.forEach(ProcessHandle::destroy);
  }
}
