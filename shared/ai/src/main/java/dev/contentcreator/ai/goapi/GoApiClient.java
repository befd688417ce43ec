package dev.contentcreator.ai.goapi;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * GoAPI's unified task API over the JDK's HTTP client: create a task, get a task. Every failure is
 * a {@link ProviderException} whose kind says whether it is worth retrying; the client itself never
 * retries (the caller's policies own retries). The HTTP client is made on the first call, not when
 * this object is built. Thread-safe.
 */
public final class GoApiClient {
  /** GoAPI's production address. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.goapi.ai");
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  static final String PROVIDER = "goapi";
  static final String TASK_PATH = "/api/v1/task";
  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  private final String baseUrl;
  private final String apiKey;
  private final Duration requestTimeout;
  private final Clock clock;
  private final Supplier<HttpClient> transport;
  private final Object lock = new Object();
  private volatile HttpClient http;

  private GoApiClient(Builder b) {
    String base = b.baseUrl.toString();
    this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.apiKey = b.apiKey;
    this.requestTimeout = b.requestTimeout;
    this.clock = b.clock;
    Duration connect = b.connectTimeout;
    this.transport = b.transport != null ? b.transport
        : () -> HttpClient.newBuilder().connectTimeout(connect).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Creates a task ({@code POST /api/v1/task}) and answers it as GoAPI first reports it. */
  public GoApiTask createTask(GoApiTaskRequest request) throws ProviderException {
    Objects.requireNonNull(request, "request");
    HttpRequest http = HttpRequest.newBuilder(URI.create(baseUrl + TASK_PATH))
        .timeout(requestTimeout)
        .header("X-API-Key", apiKey)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request.toJson().toString(), StandardCharsets.UTF_8))
        .build();
    return exchange(http, "POST " + TASK_PATH);
  }

  /** Where a task is now ({@code GET /api/v1/task/{task_id}}). */
  public GoApiTask getTask(String taskId) throws ProviderException {
    if (taskId == null || !TASK_ID.matcher(taskId).matches()) {
      throw new ProviderException(Kind.PERMANENT, PROVIDER, "not a GoAPI task id: " + GoApiText.clean(taskId, apiKey),
          "The GoAPI task id is not valid.", 0, null, null);
    }
    HttpRequest http = HttpRequest.newBuilder(URI.create(baseUrl + TASK_PATH + "/" + taskId))
        .timeout(requestTimeout)
        .header("X-API-Key", apiKey)
        .header("Accept", "application/json")
        .GET()
        .build();
    return exchange(http, "GET " + TASK_PATH + "/" + taskId);
  }

  private GoApiTask exchange(HttpRequest request, String what) throws ProviderException {
    HttpResponse<String> response;
    try {
      response = http().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new ProviderException(Kind.TIMEOUT, PROVIDER, "GoAPI " + what + " timed out: " + e.getMessage(),
          "GoAPI did not answer in time.", 0, null, e);
    } catch (IOException e) {
      throw new ProviderException(Kind.TRANSIENT, PROVIDER,
          "GoAPI " + what + " failed: " + e.getClass().getSimpleName() + " " + GoApiText.clean(e.getMessage(), apiKey),
          "GoAPI could not be reached.", 0, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(Kind.TRANSIENT, PROVIDER, "interrupted while waiting for GoAPI " + what,
          "The call to GoAPI was interrupted.", 0, null, e);
    }
    int status = response.statusCode();
    String body = response.body();
    JsonObject envelope = null;
    String parseProblem = null;
    try {
      JsonElement parsed = GoApiText.parseStrict(body);
      if (parsed.isJsonObject()) {
        envelope = parsed.getAsJsonObject();
      } else {
        parseProblem = "the body is not a JSON object";
      }
    } catch (IllegalArgumentException e) {
      parseProblem = e.getMessage();
    }
    String message = envelope == null ? "" : GoApiText.clean(GoApiTask.text(envelope, "message"), apiKey);
    if (status < 200 || status > 299) {
      throw failure(status, status, message, response, what);
    }
    if (envelope == null) {
      throw new ProviderException(Kind.TRANSIENT, PROVIDER, "GoAPI " + what + " answered HTTP " + status
          + " with a body that cannot be read: " + parseProblem, "GoAPI gave an answer that could not be read.",
          status, null, null);
    }
    JsonElement code = envelope.get("code");
    // The answer's own code repeats the HTTP status; a refusal inside an HTTP 200 is still a refusal.
    if (GoApiTask.isNumber(code) && code.getAsInt() >= 300) {
      throw failure(code.getAsInt(), status, message, response, what);
    }
    JsonElement data = envelope.get("data");
    if (data == null || !data.isJsonObject()) {
      throw new ProviderException(Kind.TRANSIENT, PROVIDER, "GoAPI " + what + " answered without a data object",
          "GoAPI gave an answer that could not be read.", status, null, null);
    }
    try {
      return GoApiTask.fromJson(data.getAsJsonObject());
    } catch (IllegalArgumentException e) {
      throw new ProviderException(Kind.TRANSIENT, PROVIDER, "GoAPI " + what + " answered with a task that cannot be read: "
          + e.getMessage(), "GoAPI gave an answer that could not be read.", status, null, e);
    }
  }

  /** Classifies a refusal, by the HTTP status or, when HTTP said 200, by the answer's own code. */
  private ProviderException failure(int code, int httpStatus, String message, HttpResponse<String> response,
      String what) {
    String detail = "GoAPI " + what + " answered HTTP " + httpStatus + (code != httpStatus ? " with code " + code : "")
        + (message.isEmpty() ? "" : ": " + message);
    if (code == 429 || code == 503) {
      Duration retryAfter = retryAfter(response);
      if (code == 429 || retryAfter != null) {
        return new ProviderException(Kind.RATE_LIMITED, PROVIDER, detail,
            "GoAPI is busy (it answered " + code + ").", httpStatus, retryAfter, null);
      }
    }
    if (code >= 500 || code == 408 || code == 409) {
      return new ProviderException(Kind.TRANSIENT, PROVIDER, detail, "GoAPI had a temporary problem.", httpStatus,
          null, null);
    }
    if (code >= 400) {
      String shown = message.isEmpty() ? defaultReason(code) : message;
      if (GoApiText.looksLikeModeration(message)) {
        return new ProviderException(Kind.REFUSED, PROVIDER, detail, "GoAPI refused the prompt: " + shown,
            httpStatus, null, null);
      }
      if (GoApiText.looksLikeNoCredit(message)) {
        return new ProviderException(Kind.QUOTA_EXCEEDED, PROVIDER, detail,
            "The GoAPI account has no credit left: " + shown, httpStatus, null, null);
      }
      return new ProviderException(Kind.PERMANENT, PROVIDER, detail, "GoAPI refused the request: " + shown,
          httpStatus, null, null);
    }
    if (code >= 300 && code < 400) {
      return new ProviderException(Kind.PERMANENT, PROVIDER, detail + " (a redirect: is the base URL right?)",
          "GoAPI refused the request: it answered with a redirect.", httpStatus, null, null);
    }
    return new ProviderException(Kind.TRANSIENT, PROVIDER, detail, "GoAPI gave an unexpected answer.", httpStatus,
        null, null);
  }

  private static String defaultReason(int code) {
    return switch (code) {
      case 401 -> "the API key was not accepted";
      case 403 -> "the API key may not do this";
      case 404 -> "it does not know this task (GoAPI deletes tasks after a while)";
      default -> "the request was not valid (" + code + ")";
    };
  }

  /** The wait a {@code Retry-After} header asks for (seconds or an HTTP date), or null. */
  private Duration retryAfter(HttpResponse<String> response) {
    String value = response.headers().firstValue("Retry-After").map(String::trim).orElse("");
    if (value.isEmpty()) {
      return null;
    }
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(value));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), at);
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private HttpClient http() {
    HttpClient h = http;
    if (h == null) {
      synchronized (lock) {
        h = http;
        if (h == null) {
          h = Objects.requireNonNull(transport.get(), "the transport gave no HttpClient");
          http = h;
        }
      }
    }
    return h;
  }

  @Override
  public String toString() {
    return "GoApiClient{" + baseUrl + "}";
  }

  /** Settings of a {@link GoApiClient}; only the API key is required. */
  public static final class Builder {
    private URI baseUrl = DEFAULT_BASE_URL;
    private String apiKey;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = DEFAULT_TIMEOUT;
    private Clock clock = Clock.systemUTC();
    private Supplier<HttpClient> transport;

    private Builder() { }

    /** An absolute http or https URL; default {@link #DEFAULT_BASE_URL}. */
    public Builder baseUrl(URI baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      String scheme = baseUrl.getScheme();
      if (!baseUrl.isAbsolute() || baseUrl.getHost() == null
          || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
        throw new IllegalArgumentException("baseUrl must be an absolute http or https URL, got: " + baseUrl);
      }
      if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
        throw new IllegalArgumentException("baseUrl must not have a query or a fragment, got: " + baseUrl);
      }
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder apiKey(String apiKey) {
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey must not be blank");
      }
      if (apiKey.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
        throw new IllegalArgumentException("apiKey must be printable ASCII without spaces");
      }
      this.apiKey = apiKey;
      return this;
    }

    /** How long to wait for a connection; default 10 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** How long to wait for a whole answer; default 30 s. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    /** The clock that dates in {@code Retry-After} are measured against. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where the HTTP client comes from, asked once on the first call; default a new JDK client. */
    public Builder transport(Supplier<HttpClient> transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    public GoApiClient build() {
      if (apiKey == null) {
        throw new IllegalStateException("apiKey is required");
      }
      return new GoApiClient(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, got: " + d);
      }
      return d;
    }
  }
}
