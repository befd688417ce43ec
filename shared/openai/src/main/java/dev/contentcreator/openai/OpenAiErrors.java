package dev.contentcreator.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.http.Headers;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderException.Kind;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what openai-java throws into a {@link ProviderException} whose kind tells the caller
 * whether to retry, and whose messages never hold the API key or a raw answer body.
 */
final class OpenAiErrors {
  static final String PROVIDER = "openai";
  /** How long to wait after a 503 that does not say: the service is overloaded, so longer than a rate limit. */
  static final Duration OVERLOADED_WAIT = Duration.ofSeconds(20);

  private static final Set<String> REFUSAL_CODES = Set.of("content_policy_violation", "moderation_blocked");
  private static final Pattern KEY_LIKE = Pattern.compile("sk-[A-Za-z0-9_*\\-]{3,}");
  private static final int MAX_REASON = 300;

  private final String apiKey;
  private final Clock clock;

  OpenAiErrors(String apiKey, Clock clock) {
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The classified failure for anything openai-java threw. */
  ProviderException classify(OpenAIException e) {
    if (e instanceof OpenAIServiceException service) {
      return fromAnswer(service);
    }
    if (e instanceof OpenAIInvalidDataException) {
      return new ProviderException(Kind.TRANSIENT, PROVIDER, "openai: the answer could not be read: " + scrub(e.getMessage()),
          "OpenAI sent an answer that could not be read; it will be tried again.", 0, null, e);
    }
    if (causedByTimeout(e)) {
      return new ProviderException(Kind.TIMEOUT, PROVIDER, "openai: no complete answer within the timeout",
          "OpenAI took too long to answer; it will be tried again.", 0, null, e);
    }
    return new ProviderException(Kind.TRANSIENT, PROVIDER, "openai: the connection failed: " + scrub(e.getMessage()),
        "OpenAI could not be reached; it will be tried again.", 0, null, e);
  }

  /** A stream that ended before OpenAI said it was finished. */
  ProviderException streamCut() {
    return new ProviderException(Kind.TRANSIENT, PROVIDER, "openai: the answer stream ended before it was complete",
        "The answer from OpenAI was cut off; it will be tried again.", 200, null, null);
  }

  /** An answer that parsed but lacks what every answer has. */
  ProviderException malformed(String what) {
    return new ProviderException(Kind.TRANSIENT, PROVIDER, "openai: malformed answer: " + what,
        "OpenAI sent an answer that could not be read; it will be tried again.", 200, null, null);
  }

  /** The model refused, or OpenAI's filter stopped, the answer. */
  ProviderException refused(String reason) {
    String readable = scrub(reason);
    return new ProviderException(Kind.REFUSED, PROVIDER, "openai: refused: " + readable,
        "OpenAI refused this request: " + readable, 200, null, null);
  }

  /** A request this adapter cannot send, such as a bad option. */
  ProviderException badRequest(String reason) {
    return new ProviderException(Kind.PERMANENT, PROVIDER, "openai: " + reason, reason, 0, null, null);
  }

  private ProviderException fromAnswer(OpenAIServiceException e) {
    int status = e.statusCode();
    String code = e.code().orElse("");
    String type = e.type().orElse("");
    String reason = scrub(reasonOf(e));
    String message = "openai: HTTP " + status + (code.isEmpty() ? "" : " code=" + code)
        + (type.isEmpty() ? "" : " type=" + type) + (reason.isEmpty() ? "" : ": " + reason);
    // The SDK's own exception is not kept as the cause: its message holds the raw answer body.
    if ("insufficient_quota".equals(code) || "insufficient_quota".equals(type)) {
      return new ProviderException(Kind.QUOTA_EXCEEDED, PROVIDER, message, "The OpenAI account has no credit left.",
          status, null, null);
    }
    if (status == 429 || "rate_limit_exceeded".equals(code)) {
      return new ProviderException(Kind.RATE_LIMITED, PROVIDER, message,
          "OpenAI is limiting how fast requests are made; it will be tried again shortly.", status,
          retryAfter(e.headers()).orElse(null), null);
    }
    if (status == 503) {
      return new ProviderException(Kind.RATE_LIMITED, PROVIDER, message,
          "OpenAI is overloaded; it will be tried again in a while.", status,
          retryAfter(e.headers()).orElse(OVERLOADED_WAIT), null);
    }
    if (REFUSAL_CODES.contains(code) || REFUSAL_CODES.contains(type)) {
      return new ProviderException(Kind.REFUSED, PROVIDER, message,
          "OpenAI refused this request: " + orDefault(reason, "its safety system rejected the prompt"), status, null, null);
    }
    if (e instanceof SseException && status < 400) {
      return new ProviderException(Kind.TRANSIENT, PROVIDER, message,
          "OpenAI reported an error while answering; it will be tried again.", status, null, null);
    }
    if (status == 408 || status == 409 || status >= 500) {
      return new ProviderException(Kind.TRANSIENT, PROVIDER, message,
          "OpenAI had a temporary problem; it will be tried again.", status, null, null);
    }
    return new ProviderException(Kind.PERMANENT, PROVIDER, message, permanentMessage(status, reason), status, null, null);
  }

  private static String permanentMessage(int status, String reason) {
    return switch (status) {
      case 401 -> "OpenAI did not accept the API key: check OPENAI_API_KEY.";
      case 403 -> "OpenAI does not allow this account to do that: " + orDefault(reason, "access denied");
      case 404 -> "OpenAI does not know this model or address: " + orDefault(reason, "not found");
      default -> "OpenAI rejected the request: " + orDefault(reason, "HTTP " + status);
    };
  }

  /** The wait asked for by {@code retry-after-ms} (preferred, more precise) or {@code Retry-After}. */
  Optional<Duration> retryAfter(Headers headers) {
    Optional<Duration> millis = header(headers, "retry-after-ms").flatMap(OpenAiErrors::parseMillis);
    if (millis.isPresent()) {
      return millis;
    }
    return header(headers, "retry-after").flatMap(this::parseRetryAfter);
  }

  private static Optional<Duration> parseMillis(String value) {
    try {
      double ms = Double.parseDouble(value);
      return ms >= 0 && Double.isFinite(ms) ? Optional.of(Duration.ofMillis(Math.round(ms))) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Optional<Duration> parseRetryAfter(String value) {
    try {
      double seconds = Double.parseDouble(value);
      return seconds >= 0 && Double.isFinite(seconds)
          ? Optional.of(Duration.ofMillis(Math.round(seconds * 1000))) : Optional.empty();
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  private static Optional<String> header(Headers headers, String name) {
    for (String present : headers.names()) {
      if (present.equalsIgnoreCase(name)) {
        return headers.values(present).stream().map(String::trim).filter(v -> !v.isEmpty()).findFirst();
      }
    }
    return Optional.empty();
  }

  private static String reasonOf(OpenAIServiceException e) {
    try {
      JsonNode body = e.body().convert(JsonNode.class);
      if (body == null) {
        return "";
      }
      JsonNode message = body.has("error") ? body.path("error").path("message") : body.path("message");
      return message.isTextual() ? message.asText() : "";
    } catch (RuntimeException unreadable) {
      return "";
    }
  }

  private static boolean causedByTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedIOException) {
        return true;
      }
    }
    return false;
  }

  /** The text with the API key, and anything shaped like a key, taken out, and cut to a readable length. */
  String scrub(String text) {
    if (text == null) {
      return "";
    }
    String clean = apiKey.length() >= 4 ? text.replace(apiKey, "[key]") : text;
    clean = KEY_LIKE.matcher(clean).replaceAll("[key]").strip();
    return clean.length() <= MAX_REASON ? clean : clean.substring(0, MAX_REASON) + "...";
  }

  private static String orDefault(String reason, String fallback) {
    return reason.isEmpty() ? fallback : reason;
  }
}
