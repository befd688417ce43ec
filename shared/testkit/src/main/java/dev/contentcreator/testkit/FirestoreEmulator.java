package dev.contentcreator.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The Firestore emulator for tests of the Firestore adapters, so that they run wherever the
 * emulator can and say plainly where it cannot.
 *
 * <p>{@link #host()} answers, in this order: the emulator named by {@code FIRESTORE_EMULATOR_HOST}
 * (which must then be running: a wrong address fails the test rather than hiding it); one started
 * by this class with {@code gcloud emulators firestore start} on a free loopback port, once per JVM
 * and stopped with it; or, when there is no {@code gcloud} on the {@code PATH}, it aborts the test
 * with an assumption that names the missing component. The emulator keeps every project apart, so
 * a test class may use a project of its own, and {@link #clear(String)} empties one project between
 * tests.
 */
public final class FirestoreEmulator {
  /** The variable the Google Cloud client libraries read the emulator's address from. */
  public static final String HOST_VARIABLE = "FIRESTORE_EMULATOR_HOST";

  private static final Pattern PROJECT = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static String host;
  private static RuntimeException startFailure;

  private FirestoreEmulator() {}

  /**
   * The {@code host:port} of a running emulator, starting one if needed; aborts the calling test
   * (JUnit assumption) when no emulator is configured and {@code gcloud} is not installed.
   */
  public static synchronized String host() {
    if (host == null) {
      Optional<String> configured = Optional.ofNullable(System.getenv(HOST_VARIABLE)).filter(h -> !h.isBlank());
      if (configured.isPresent()) {
        String given = configured.get().trim();
        if (!answers(given)) {
          throw new IllegalStateException(HOST_VARIABLE + " is " + given
              + " but no Firestore emulator answers there: start it, or unset the variable to let the tests start one");
        }
        host = given;
      } else {
        Optional<Path> gcloud = onPath("gcloud");
        assumeTrue(gcloud.isPresent() && hasEmulatorComponent(gcloud.get()), "the Firestore emulator is not installed: "
            + "these tests need gcloud with its cloud-firestore-emulator component on the PATH (or " + HOST_VARIABLE
            + " pointing at a running emulator)");
        if (startFailure != null) {
          throw new IllegalStateException("the Firestore emulator failed to start earlier in this JVM", startFailure);
        }
        try {
          host = start(gcloud.get());
        } catch (RuntimeException e) {
          startFailure = e;
          throw e;
        }
      }
    }
    return host;
  }

  /** Deletes every document of {@code projectId}'s default database in the emulator. */
  public static void clear(String projectId) {
    requireProject(projectId);
    URI uri = URI.create("http://" + host() + "/emulator/v1/projects/" + projectId + "/databases/(default)/documents");
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).DELETE().build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the Firestore emulator did not clear " + projectId + ": HTTP "
          + response.statusCode() + " " + response.body());
    }
  }

  /**
   * A project id for one test class, such as {@code demo-firestoredocumentstore}: the {@code demo-}
   * prefix marks a project that only emulators serve, so a slip can never reach a real one.
   */
  public static String projectFor(Class<?> testClass) {
    String name = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String project = "demo-" + name;
    if (project.length() > 30) {
      project = project.substring(0, 30);
    }
    return requireProject(project.endsWith("-") ? project + "x" : project);
  }

  private static String requireProject(String projectId) {
    Objects.requireNonNull(projectId, "projectId");
    if (!PROJECT.matcher(projectId).matches()) {
      throw new IllegalArgumentException("not a valid project id: " + projectId);
    }
    return projectId;
  }

  private static String start(Path gcloud) {
    String address = "127.0.0.1:" + freePort();
    Path log;
    try {
      log = Files.createTempFile("firestore-emulator-", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a log file for the Firestore emulator", e);
    }
    Process process;
    try {
      process = new ProcessBuilder(gcloud.toString(), "emulators", "firestore", "start", "--host-port=" + address, "--quiet")
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + gcloud + " to start the Firestore emulator", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "firestore-emulator-stop"));
    awaitReady(process, address, log);
    return address;
  }

  /** Polls the emulator's root, which answers {@code Ok} once it serves requests. */
  private static void awaitReady(Process process, String address, Path log) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (!answers(address)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the Firestore emulator exited with " + process.exitValue()
            + " before it was ready; its output:\n" + tail(log));
      }
      if (Instant.now().isAfter(deadline)) {
        stop(process);
        throw new IllegalStateException("the Firestore emulator was not ready at " + address + " within "
            + START_TIMEOUT.toSeconds() + " s; its output:\n" + tail(log));
      }
      pause();
    }
  }

  private static boolean answers(String address) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address + "/"))
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Firestore emulator", e);
    }
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("the Firestore emulator at " + request.uri().getAuthority() + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while talking to the Firestore emulator", e);
    }
  }

  /** gcloud runs the emulator as a child Java process: stop the children first, then gcloud. */
  private static void stop(Process process) {
    List<ProcessHandle> children = process.descendants().toList();
    children.forEach(ProcessHandle::destroy);
    process.destroy();
    for (ProcessHandle child : children) {
      child.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
      if (child.isAlive()) {
        child.destroyForcibly();
      }
    }
    process.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  /**
   * Whether gcloud's SDK holds the emulator. gcloud lives in {@code <sdk>/bin}; where its components
   * are not in {@code <sdk>/platform} the layout is unknown, and starting it is the only test.
   */
  private static boolean hasEmulatorComponent(Path gcloud) {
    Path bin;
    try {
      bin = gcloud.toRealPath().getParent();
    } catch (IOException e) {
      return true;
    }
    Path sdk = bin == null ? null : bin.getParent();
    if (sdk == null || !Files.isDirectory(sdk.resolve("platform"))) {
      return true;
    }
    return Files.isDirectory(sdk.resolve("platform").resolve("cloud-firestore-emulator"));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1 for the Firestore emulator", e);
    }
  }

  private static Optional<Path> onPath(String command) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Firestore emulator", e);
    }
  }
}
