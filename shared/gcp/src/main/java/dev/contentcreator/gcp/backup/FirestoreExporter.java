package dev.contentcreator.gcp.backup;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.ProjectId;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.gcp.auth.AccessTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Starts a managed export of every Firestore collection to the backup bucket, under
 * {@code gs://<bucket>/firestore/<UTC time>}, through the Firestore Admin REST API
 * ({@code projects/<p>/databases/(default):exportDocuments}). The JDK's HTTP client and an access
 * token from application-default credentials are all it needs, far lighter than the admin client.
 * The export runs on Google's side; this returns its long-running operation's name. How long
 * exports are kept is the bucket's lifecycle rule, not code. Thread-safe.
 */
public final class FirestoreExporter {
  /** The Firestore API's address; a test points the exporter at a local fake instead. */
  public static final String FIRESTORE_API = "https://firestore.googleapis.com/v1";
  static final String SCOPE = "https://www.googleapis.com/auth/datastore";
  private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  /** A started export: its operation's name and where the files go. */
  public record Export(String operation, String outputUriPrefix) {}

  /** The export could not be started; {@code status} is Firestore's answer, or 0 if none came. */
  public static final class ExportException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    ExportException(String message, int status, Throwable cause) {
      super(message, cause);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final String baseUrl;
  private final String projectId;
  private final String bucket;
  private final AccessTokens tokens;
  private final HttpClient http;
  private final Clock clock;
  private final Duration timeout;

  private FirestoreExporter(Builder b) {
    this.baseUrl = b.baseUrl.endsWith("/") ? b.baseUrl.substring(0, b.baseUrl.length() - 1) : b.baseUrl;
    this.projectId = b.projectId;
    this.bucket = b.bucket;
    this.tokens = b.tokens;
    this.http = b.http == null ? HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build() : b.http;
    this.clock = b.clock;
    this.timeout = b.timeout;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * From settings: {@code BACKUP_BUCKET} (required), the project ({@link ProjectId}: {@code FIREBASE_PROJECT_ID},
   * else {@code GOOGLE_CLOUD_PROJECT}), {@code FIRESTORE_API_URL} (Google's by default), and tokens from
   * application-default credentials (the function's service account in production).
   */
  public static FirestoreExporter fromConfig(Config config) {
    String bucket = config.find(Settings.BACKUP_BUCKET).map(String::trim).filter(s -> !s.isEmpty())
        .orElseThrow(() -> new IllegalStateException("BACKUP_BUCKET is not set: name the bucket exports go to"));
    String project = ProjectId.required(config, "the Firestore export");
    return builder().projectId(project).bucket(bucket)
        .baseUrl(config.find(Settings.FIRESTORE_API_URL).orElse(FIRESTORE_API))
        .accessTokens(AccessTokens.applicationDefault(SCOPE))
        .build();
  }

  /** Starts the export of every collection; returns once Firestore has accepted it. */
  public Export export() throws ExportException {
    String prefix = "gs://" + bucket + "/firestore/" + FOLDER.format(clock.instant());
    JsonObject body = new JsonObject();
    body.addProperty("outputUriPrefix", prefix);
    String token;
    try {
      token = tokens.current();
    } catch (IOException e) {
      throw new ExportException("no access token for Firestore: " + e.getMessage(), 0, e);
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/projects/" + projectId
            + "/databases/(default):exportDocuments"))
        .timeout(timeout)
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ExportException("Firestore could not be reached: " + e.getMessage(), 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExportException("interrupted while starting the export", 0, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new ExportException("Firestore refused the export with " + response.statusCode() + ": "
          + abbreviate(response.body()), response.statusCode(), null);
    }
    try {
      JsonElement answer = JsonParser.parseString(response.body());
      JsonElement name = answer.isJsonObject() ? answer.getAsJsonObject().get("name") : null;
      if (name == null || !name.isJsonPrimitive()) {
        throw new ExportException("Firestore's answer names no operation", response.statusCode(), null);
      }
      return new Export(name.getAsString(), prefix);
    } catch (JsonParseException e) {
      throw new ExportException("Firestore's answer is not JSON", response.statusCode(), e);
    }
  }

  private static String abbreviate(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ");
    return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
  }

  /** Builds a {@link FirestoreExporter}; each setter checks its argument. */
  public static final class Builder {
    private String baseUrl = FIRESTORE_API;
    private String projectId;
    private String bucket;
    private AccessTokens tokens;
    private HttpClient http;
    private Clock clock = Clock.systemUTC();
    private Duration timeout = Duration.ofSeconds(30);

    private Builder() {}

    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
        throw new IllegalArgumentException("the Firestore API's address must be http(s), got: " + baseUrl);
      }
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder projectId(String projectId) {
      Objects.requireNonNull(projectId, "projectId");
      if (!projectId.matches("[a-z][a-z0-9-]{4,61}[a-z0-9]")) {
        throw new IllegalArgumentException("not a Google Cloud project id: " + projectId);
      }
      this.projectId = projectId;
      return this;
    }

    public Builder bucket(String bucket) {
      Objects.requireNonNull(bucket, "bucket");
      if (!bucket.matches("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]")) {
        throw new IllegalArgumentException("not a Cloud Storage bucket name: " + bucket);
      }
      this.bucket = bucket;
      return this;
    }

    public Builder accessTokens(AccessTokens tokens) {
      this.tokens = Objects.requireNonNull(tokens, "tokens");
      return this;
    }

    public Builder httpClient(HttpClient http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the timeout must be positive, got: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    public FirestoreExporter build() {
      Objects.requireNonNull(projectId, "projectId is required");
      Objects.requireNonNull(bucket, "bucket is required");
      Objects.requireNonNull(tokens, "accessTokens is required");
      return new FirestoreExporter(this);
    }
  }
}
