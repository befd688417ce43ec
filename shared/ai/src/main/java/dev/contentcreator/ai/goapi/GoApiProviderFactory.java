package dev.contentcreator.ai.goapi;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the GoAPI provider from settings:
 * <ul>
 *   <li>{@code GOAPI_API_KEY}: required; without it GoAPI is not available (empty answer).</li>
 *   <li>{@code GOAPI_BASE_URL}: default {@code https://api.goapi.ai}.</li>
 *   <li>{@code GOAPI_TIMEOUT}: time for one whole answer, such as {@code 30s} (the default) or
 *       {@code PT45S}; connecting gets at most 10 s of it.</li>
 *   <li>{@code GOAPI_SERVICE_MODE}: {@code public} or {@code private}; default the account's setting.</li>
 * </ul>
 * Building makes no network connection and no HTTP client.
 */
public final class GoApiProviderFactory {
  public static final String API_KEY = Settings.GOAPI_API_KEY.name();
  public static final String BASE_URL = Settings.GOAPI_BASE_URL.name();
  public static final String TIMEOUT = Settings.GOAPI_TIMEOUT.name();
  public static final String SERVICE_MODE = Settings.GOAPI_SERVICE_MODE.name();
  private static final Duration MAX_CONNECT = Duration.ofSeconds(10);

  private GoApiProviderFactory() { }

  public static Optional<GoApiProvider> fromConfig(Config config) {
    return fromConfig(config, Clock.systemUTC());
  }

  /** As {@link #fromConfig(Config)}, with the clock {@code Retry-After} dates are read against. */
  public static Optional<GoApiProvider> fromConfig(Config config, Clock clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    Optional<String> key = config.find(Settings.GOAPI_API_KEY);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Duration timeout = config.get(Settings.GOAPI_TIMEOUT);
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("setting " + TIMEOUT + " must be positive, got: " + timeout);
    }
    GoApiClient.Builder client = GoApiClient.builder()
        .requestTimeout(timeout)
        .connectTimeout(timeout.compareTo(MAX_CONNECT) < 0 ? timeout : MAX_CONNECT)
        .clock(clock);
    try {
      client.apiKey(key.get());
    } catch (IllegalArgumentException e) {
      // The message says what is wrong with the key, never the key itself.
      throw new IllegalArgumentException("setting " + API_KEY + ": " + e.getMessage(), e);
    }
    Optional<String> base = config.find(Settings.GOAPI_BASE_URL);
    if (base.isPresent()) {
      try {
        client.baseUrl(URI.create(base.get()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("setting " + BASE_URL + " must be an absolute http or https URL, got: "
            + base.get(), e);
      }
    }
    String mode = config.find(Settings.GOAPI_SERVICE_MODE).orElse(null);
    if (mode != null && !mode.equals("public") && !mode.equals("private")) {
      throw new IllegalArgumentException("setting " + SERVICE_MODE + " must be public or private, got: " + mode);
    }
    return Optional.of(new GoApiProvider(client.build(), mode));
  }
}
