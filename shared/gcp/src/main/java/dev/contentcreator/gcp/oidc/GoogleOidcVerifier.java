package dev.contentcreator.gcp.oidc;

import dev.contentcreator.core.config.Setting;
import com.google.api.client.json.webtoken.JsonWebSignature;
import com.google.api.client.json.webtoken.JsonWebToken;
import com.google.auth.http.HttpTransportFactory;
import com.google.auth.oauth2.TokenVerifier;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Authenticator;
import dev.contentcreator.core.http.BearerToken;
import dev.contentcreator.core.http.ServiceAccount;
import dev.contentcreator.core.log.Log;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lets in only Google's own callers of an internal endpoint: Cloud Tasks, Cloud Scheduler or a
 * Pub/Sub push subscription, each sending an OIDC ID token minted for a service account of ours.
 * The token's RS256 signature is checked against Google's published keys (fetched once and kept for
 * an hour by google-auth-library's {@link TokenVerifier}, so a request waits on the network at most
 * once an hour), then its issuer, expiry, audience (this endpoint's URL, configured per target) and
 * that its {@code email} is a verified, allowed service account.
 *
 * <p>As the {@link Authenticator} of an internal endpoint it answers, as {@link ApiException}s the
 * pipeline writes as problem+json: no, malformed or invalid token: 401 with {@code WWW-Authenticate};
 * a valid token of another account: 403; Google's keys unreachable: 503 with Retry-After (the
 * caller retries). Immutable and thread-safe.
 */
public final class GoogleOidcVerifier implements Authenticator {
  /** Where Google publishes the keys that sign its ID tokens, as a JSON Web Key Set. */
  public static final String GOOGLE_CERTS = "https://www.googleapis.com/oauth2/v3/certs";
  /** The issuers Google writes in the ID tokens it mints for service accounts. */
  public static final Set<String> GOOGLE_ISSUERS = Set.of("https://accounts.google.com", "accounts.google.com");

  private static final String CHALLENGE = "Bearer realm=\"content-creator-internal\"";
  private static final BearerToken TOKEN =
      new BearerToken("Google-signed OIDC token", "OIDC token", GoogleOidcVerifier::unauthorized);

  private final String audience;
  private final Set<String> allowedEmails;
  private final Set<String> issuers;
  private final Clock clock;
  private final TokenVerifier signatures;

  private GoogleOidcVerifier(Builder b) {
    this.audience = b.audience;
    this.allowedEmails = Set.copyOf(b.allowedEmails);
    this.issuers = Set.copyOf(b.issuers);
    this.clock = b.clock;
    TokenVerifier.Builder tv = TokenVerifier.newBuilder()
        .setAudience(b.audience)
        .setCertificatesLocation(b.certificatesUrl)
        .setClock(b.clock::millis);
    if (b.transport != null) {
      tv.setHttpTransportFactory(b.transport);
    }
    this.signatures = tv.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A verifier from settings: {@code audienceKey} (such as {@code TASKS_AUDIENCE}) names the audience
   * the callers mint their tokens for, and {@code invokersKey} (such as {@code TASKS_INVOKER_SA})
   * the service accounts allowed, comma-separated. Both are required: an internal endpoint without
   * them would let nobody in, which is a deployment mistake best found at once.
   */
  public static GoogleOidcVerifier fromConfig(Config config, Setting<String> audienceKey, Setting<String> invokersKey) {
    String audience = config.find(audienceKey).map(String::trim).filter(s -> !s.isEmpty())
        .orElseThrow(() -> new IllegalStateException(audienceKey + " is not set: it must be the audience Google's "
            + "OIDC tokens are minted for (the URL of this function)"));
    Set<String> invokers = Arrays.stream(config.find(invokersKey).orElse("").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    if (invokers.isEmpty()) {
      throw new IllegalStateException(invokersKey + " is not set: it must list the service accounts allowed to call");
    }
    return builder().audience(audience).allowedEmails(invokers).build();
  }

  /**
   * Checks the value of an {@code Authorization} header and returns the caller's service account.
   *
   * @throws ApiException 401, 403 or 503, as described on the class
   */
  public String verify(Optional<String> authorization) {
    String token = TOKEN.read(authorization);
    JsonWebSignature jws;
    try {
      jws = signatures.verify(token);
    } catch (TokenVerifier.VerificationException e) {
      if (e.getCause() != null && e.getMessage() != null && e.getMessage().contains("fetching")) {
        Log.error("Google's token keys could not be fetched", e.getCause());
        throw ApiException.of(503, "keys-unavailable", "Try again shortly",
            "The caller's token could not be checked just now.").withHeaders(Map.of("Retry-After", "10"));
      }
      throw unauthorized("The OIDC token is not valid: " + reason(e));
    } catch (RuntimeException e) {
      // A token whose parts do not decode as JSON fails inside the parser with unchecked exceptions.
      throw unauthorized("The OIDC token is not valid: it is malformed.");
    }
    JsonWebToken.Payload claims = jws.getPayload();
    if (claims.getIssuer() == null || !issuers.contains(claims.getIssuer())) {
      throw unauthorized("The OIDC token is not valid: it was not issued by Google.");
    }
    Long expires = claims.getExpirationTimeSeconds();
    if (expires == null || expires * 1000 <= clock.millis()) {
      throw unauthorized("The OIDC token is not valid: it has expired.");
    }
    Object email = claims.get("email");
    if (!(email instanceof String who) || who.isBlank()) {
      throw unauthorized("The OIDC token is not valid: it names no service account.");
    }
    if (!Boolean.TRUE.equals(claims.get("email_verified"))) {
      throw unauthorized("The OIDC token is not valid: its e-mail is not verified.");
    }
    if (!allowedEmails.contains(who.toLowerCase(Locale.ROOT))) {
      throw ApiException.forbidden("This service account may not call here.");
    }
    return who;
  }

  /** The service account of the request's OIDC token; throws as {@link #verify} does. */
  @Override
  public ServiceAccount authenticate(Headers headers) {
    return new ServiceAccount(verify(headers.first("Authorization")));
  }

  private static String reason(TokenVerifier.VerificationException e) {
    String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (m.contains("audience")) {
      return "it was minted for another audience.";
    }
    if (m.contains("expired")) {
      return "it has expired.";
    }
    if (m.contains("signature") || m.contains("validating") || m.contains("keyid")) {
      return "its signature does not check out.";
    }
    if (m.contains("algorithm")) {
      return "it is not signed with RS256.";
    }
    return "it is malformed.";
  }

  private static ApiException unauthorized(String detail) {
    return ApiException.of(401, "unauthorized", "Google-signed token required", detail)
        .withHeaders(Map.of("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\""));
  }

  /** The audience this verifier expects (for logs and tests). */
  public String audience() {
    return audience;
  }

  /** Builds a {@link GoogleOidcVerifier}; each setter checks its argument. */
  public static final class Builder {
    private String audience;
    private Set<String> allowedEmails;
    private Set<String> issuers = GOOGLE_ISSUERS;
    private Clock clock = Clock.systemUTC();
    private String certificatesUrl = GOOGLE_CERTS;
    private HttpTransportFactory transport;

    private Builder() {}

    /** The audience the callers mint their tokens for: this endpoint's URL, as configured on the caller. */
    public Builder audience(String audience) {
      Objects.requireNonNull(audience, "audience");
      if (audience.isBlank()) {
        throw new IllegalArgumentException("the audience must not be blank");
      }
      this.audience = audience;
      return this;
    }

    /** The service accounts allowed to call (their e-mail addresses); at least one. */
    public Builder allowedEmails(Collection<String> emails) {
      Objects.requireNonNull(emails, "emails");
      if (emails.isEmpty() || emails.stream().anyMatch(e -> e == null || e.isBlank())) {
        throw new IllegalArgumentException("allow at least one service account, and no blank one: " + emails);
      }
      this.allowedEmails = emails.stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
      return this;
    }

    /** The issuers accepted; Google's two spellings by default. */
    public Builder issuers(Collection<String> issuers) {
      Objects.requireNonNull(issuers, "issuers");
      if (issuers.isEmpty()) {
        throw new IllegalArgumentException("accept at least one issuer");
      }
      this.issuers = Set.copyOf(issuers);
      return this;
    }

    /** The clock expiry is judged by. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where the signing keys come from: a JSON Web Key Set at {@code url}, fetched through
     * {@code transport} (Google's keys over HTTPS by default; a test serves its own in process).
     */
    public Builder publicKeys(String url, HttpTransportFactory transport) {
      this.certificatesUrl = Objects.requireNonNull(url, "url");
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    public GoogleOidcVerifier build() {
      if (audience == null) {
        throw new IllegalStateException("an audience is required");
      }
      if (allowedEmails == null) {
        throw new IllegalStateException("the allowed service accounts are required");
      }
      return new GoogleOidcVerifier(this);
    }
  }
}
