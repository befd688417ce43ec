package dev.contentcreator.openai;

import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The failures of OpenAI calls as {@link ProviderException}s whose kind tells the caller whether
 * to retry, and whose messages never hold the API key or a raw answer body. It names no type of
 * openai-java, so building the adapters loads none: {@link SdkFailures} reads the SDK's exceptions.
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

  /**
   * An error answer: its HTTP status, OpenAI's error code and type (empty when absent), its
   * message, and a way to read its headers. {@code inStream} is set for an error event inside a
   * stream that had started well.
   */
  ProviderException answer(int status, String code, String type, String rawReason,
      Function<String, Optional<String>> header, boolean inStream) {
    String reason = scrub(rawReason);
    String message = "openai: HTTP " + status + (code.isEmpty() ? "" : " code=" + code)
        + (type.isEmpty() ? "" : " type=" + type) + (reason.isEmpty() ? "" : ": " + reason);
    // The SDK's own exception is never the cause: its message holds the raw answer body.
    if ("insufficient_quota".equals(code) || "insufficient_quota".equals(type)) {
      return new ProviderException(Kind.QUOTA_EXCEEDED, PROVIDER, message, "The OpenAI account has no credit left.",
          status, null, null);
    }
    if (status == 429 || "rate_limit_exceeded".equals(code)) {
      return new ProviderException(Kind.RATE_LIMITED, PROVIDER, message,
          "OpenAI is limiting how fast requests are made (it answered " + status + ").", status,
          retryAfter(header).orElse(null), null);
    }
    if (status == 503) {
      return new ProviderException(Kind.RATE_LIMITED, PROVIDER, message,
          "OpenAI is overloaded (it answered " + status + ").", status,
          retryAfter(header).orElse(OVERLOADED_WAIT), null);
    }
    if (REFUSAL_CODES.contains(code) || REFUSAL_CODES.contains(type)) {
      return new ProviderException(Kind.REFUSED, PROVIDER, message,
          "OpenAI refused this request: " + orDefault(reason, "its safety system rejected the prompt"), status, null,
          null);
    }
    if (inStream && status < 400) {
      return new ProviderException(Kind.TRANSIENT, PROVIDER, message,
          "OpenAI reported an error in the middle of its answer.", status, null, null);
    }
    if (status == 408 || status == 409 || status >= 500) {
      return new ProviderException(Kind.TRANSIENT, PROVIDER, message,
          "OpenAI had a temporary problem (it answered " + status + ").", status, null, null);
    }
    return new ProviderException(Kind.PERMANENT, PROVIDER, message, permanentMessage(status, reason), status, null, null);
  }

  /** An answer that arrived but could not be read, such as truncated JSON. */
  ProviderException unreadable(String detail, Throwable cause) {
    return new ProviderException(Kind.TRANSIENT, PROVIDER, "openai: the answer could not be read: " + scrub(detail),
        "OpenAI sent an answer that could not be read.", 0, null, cause);
  }

  /** No complete answer within the timeout. */
  ProviderException timeout(Throwable cause) {
    return new ProviderException(Kind.TIMEOUT, PROVIDER, "openai: no complete answer within the timeout",
        "OpenAI took too long to answer: no complete answer came within the timeout.", 0, null, cause);
  }

  /** The connection failed or dropped. */
  ProviderException connection(String detail, Throwable cause) {
    return new ProviderException(Kind.TRANSIENT, PROVIDER, "openai: the connection failed: " + scrub(detail),
        "OpenAI could not be reached: the connection failed or dropped.", 0, null, cause);
  }

  /** A stream that ended before OpenAI said it was finished. */
  ProviderException streamCut() {
    return new ProviderException(Kind.TRANSIENT, PROVIDER, "openai: the answer stream ended before it was complete",
        "The answer from OpenAI was cut off before it was complete.", 200, null, null);
  }

  /** An answer that parsed but lacks what every answer has. */
  ProviderException malformed(String what) {
    return new ProviderException(Kind.TRANSIENT, PROVIDER, "openai: malformed answer: " + what,
        "OpenAI sent an answer that could not be read: " + what + ".", 200, null, null);
  }

  /** The model refused, or OpenAI's filter stopped, the answer. */
  ProviderException refused(String reason) {
    String readable = scrub(reason);
    return new ProviderException(Kind.REFUSED, PROVIDER, "openai: refused: " + readable,
        "OpenAI refused this request: " + readable, 200, null, null);
  }

  /** A request this adapter will not send, such as one with a bad option. */
  ProviderException badRequest(String reason) {
    return new ProviderException(Kind.PERMANENT, PROVIDER, "openai: " + reason, reason, 0, null, null);
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
  Optional<Duration> retryAfter(Function<String, Optional<String>> header) {
    Optional<Duration> millis = header.apply("retry-after-ms").flatMap(OpenAiErrors::parseMillis);
    if (millis.isPresent()) {
      return millis;
    }
    return header.apply("retry-after").flatMap(this::parseRetryAfter);
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
