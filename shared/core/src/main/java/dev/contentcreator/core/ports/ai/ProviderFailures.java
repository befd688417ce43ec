package dev.contentcreator.core.ports.ai;

import dev.contentcreator.core.ports.ai.ProviderException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The failures of one provider's calls as {@link ProviderException}s, for adapters that read an
 * SDK's errors: each says whether to retry, and no message holds the API key or a raw answer body.
 * Names no SDK type, so an adapter can build it without loading its SDK. Immutable.
 */
public final class ProviderFailures {
  private static final Pattern KEY_LIKE = Pattern.compile("(sk-ant-|sk-|AIza)[A-Za-z0-9_*\\-]{3,}");
  private static final int MAX_REASON = 300;

  private final String provider;
  private final String display;
  private final String keySetting;
  private final Duration overloadedWait;
  private final Clock clock;
  private final String apiKey;

  /**
   * @param provider the provider's name in usage and errors, such as {@code anthropic}
   * @param display how people read it, such as {@code Anthropic}
   * @param keySetting the setting that holds the server's key, named when a key is refused
   * @param overloadedWait the wait after an overloaded answer that does not say how long
   * @param apiKey the key in use, taken out of every message
   */
  public ProviderFailures(String provider, String display, String keySetting, Duration overloadedWait, Clock clock,
      String apiKey) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.display = Objects.requireNonNull(display, "display");
    this.keySetting = Objects.requireNonNull(keySetting, "keySetting");
    this.overloadedWait = Objects.requireNonNull(overloadedWait, "overloadedWait");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.apiKey = apiKey == null ? "" : apiKey;
  }

  /** The same, scrubbing another key (a project's own) from messages. */
  public ProviderFailures withKey(String key) {
    return new ProviderFailures(provider, display, keySetting, overloadedWait, clock, key);
  }

  public String provider() {
    return provider;
  }

  /**
   * An error answer: its HTTP status, the provider's error type or status word (empty when absent),
   * its message, and its headers. {@code overloaded} says the provider called itself overloaded
   * (Anthropic's 529, Google's 503 UNAVAILABLE); {@code inStream} marks an error event inside a
   * stream that had started well.
   */
  public ProviderException answer(int status, String type, String rawReason, Function<String, Optional<String>> header,
      boolean overloaded, boolean inStream) {
    String reason = scrub(rawReason);
    String message = provider + ": HTTP " + status + (type.isEmpty() ? "" : " type=" + type)
        + (reason.isEmpty() ? "" : ": " + reason);
    if (overloaded) {
      return new ProviderException(Kind.RATE_LIMITED, provider, message,
          display + " is overloaded (it answered " + status + ").", status,
          retryAfter(header).orElse(overloadedWait), null);
    }
    if (status == 429) {
      return new ProviderException(Kind.RATE_LIMITED, provider, message,
          display + " is limiting how fast requests are made (it answered 429).", status,
          retryAfter(header).orElse(null), null);
    }
    if (inStream && status < 400) {
      return new ProviderException(Kind.TRANSIENT, provider, message,
          display + " reported an error in the middle of its answer.", status, null, null);
    }
    if (status == 408 || status == 409 || status >= 500) {
      return new ProviderException(Kind.TRANSIENT, provider, message,
          display + " had a temporary problem (it answered " + status + ").", status, null, null);
    }
    return new ProviderException(Kind.PERMANENT, provider, message, permanentMessage(status, reason), status, null,
        null);
  }

  /** An answer that arrived but could not be read, such as truncated JSON. */
  public ProviderException unreadable(String detail, Throwable cause) {
    return new ProviderException(Kind.TRANSIENT, provider, provider + ": the answer could not be read: " + scrub(detail),
        display + " sent an answer that could not be read.", 0, null, cause);
  }

  /** No complete answer within the timeout. */
  public ProviderException timeout(Throwable cause) {
    return new ProviderException(Kind.TIMEOUT, provider, provider + ": no complete answer within the timeout",
        display + " took too long to answer: no complete answer came within the timeout.", 0, null, cause);
  }

  /** The connection failed or dropped. */
  public ProviderException connection(String detail, Throwable cause) {
    return new ProviderException(Kind.TRANSIENT, provider, provider + ": the connection failed: " + scrub(detail),
        display + " could not be reached: the connection failed or dropped.", 0, null, cause);
  }

  /** A stream that ended before the provider said it was finished. */
  public ProviderException streamCut() {
    return new ProviderException(Kind.TRANSIENT, provider, provider + ": the answer stream ended before it was complete",
        "The answer from " + display + " was cut off before it was complete.", 200, null, null);
  }

  /** An answer that parsed but lacks what every answer has. */
  public ProviderException malformed(String what) {
    return new ProviderException(Kind.TRANSIENT, provider, provider + ": malformed answer: " + what,
        display + " sent an answer that could not be read: " + what + ".", 200, null, null);
  }

  /** The provider refused the prompt or stopped the answer for safety. */
  public ProviderException refused(String reason) {
    String readable = scrub(reason);
    return new ProviderException(Kind.REFUSED, provider, provider + ": refused: " + readable,
        display + " refused this request: " + readable, 200, null, null);
  }

  /** A request the adapter will not send, such as one with a bad option. */
  public ProviderException badRequest(String reason) {
    return new ProviderException(Kind.PERMANENT, provider, provider + ": " + reason, reason, 0, null, null);
  }

  private String permanentMessage(int status, String reason) {
    return switch (status) {
      case 401 -> display + " did not accept the API key: check " + keySetting + " or the project's own key.";
      case 403 -> display + " does not allow this account to do that: " + orDefault(reason, "access denied");
      case 404 -> display + " does not know this model or address: " + orDefault(reason, "not found");
      default -> display + " rejected the request: " + orDefault(reason, "HTTP " + status);
    };
  }

  /** The wait asked for by {@code retry-after-ms} (preferred) or {@code Retry-After} (seconds or a date). */
  public Optional<Duration> retryAfter(Function<String, Optional<String>> header) {
    Optional<Duration> millis = header.apply("retry-after-ms").flatMap(v -> number(v, 1));
    return millis.isPresent() ? millis : header.apply("retry-after").flatMap(this::parseRetryAfter);
  }

  private Optional<Duration> parseRetryAfter(String value) {
    Optional<Duration> seconds = number(value, 1000);
    if (seconds.isPresent()) {
      return seconds;
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException notDate) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> number(String value, double millisPerUnit) {
    try {
      double n = Double.parseDouble(value.trim());
      return n >= 0 && Double.isFinite(n) ? Optional.of(Duration.ofMillis(Math.round(n * millisPerUnit)))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The text with the key, and anything shaped like a key, taken out, and cut to a readable length. */
  public String scrub(String text) {
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
