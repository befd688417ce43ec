package dev.contentcreator.core.http;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.contentcreator.core.ports.IdentityVerifier;
import dev.contentcreator.core.ports.RateLimiter;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The public functions' configuration of the {@link Pipeline}: the routes of a {@link Router}; a
 * route declared public is open to anyone, any other needs a Firebase ID token or an API key
 * ({@link ApiKeyCheck}, held to {@link KeyRoutes} and its {@link KeyScope}) (a token is asked of the
 * provider on every call for a sensitive route, so a revoked or disabled account is refused at
 * once); the rate limits of {@link RateLimits}; JSON bodies up to {@code MAX_BODY_BYTES} (an
 * upload route sets its own limit and takes any type); and a hook that sees every signed-in
 * caller. Thread-safe.
 */
public final class Gateway {
  private final Router router;
  private final Pipeline pipeline;

  private Gateway(Builder b) {
    this.router = b.router;
    Authenticator cached = new FirebaseAuthenticator(b.identity, b.apiKeys, false);
    Authenticator fresh = new FirebaseAuthenticator(b.identity, b.apiKeys, true);
    long maxBody = b.settings.maxBodyBytes();
    this.pipeline = new Pipeline((method, path) -> {
      Router.Match match = router.match(method, path);
      Router.Route route = match.route();
      Authenticator who = route.isPublic() ? Authenticator.none() : route.isSensitive() ? fresh : cached;
      BodyRule body = route.isUpload() ? BodyRule.any(route.maxBodyBytes()) : BodyRule.json(maxBody);
      return new Pipeline.Target(route.template(), match.pathParams(), who, body, route.handler(),
          route.addressLimit().orElse(null));
    }, new RateLimits(b.rateLimiter, b.settings), b.onSignedIn, b.settings.trustedProxyHops(), b.log);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Router router() {
    return router;
  }

  /** Serves one request; never throws. Every request, answered or refused, leaves one log line. */
  public void service(HttpRequest request, HttpResponse response) {
    pipeline.service(request, response);
  }

  /** Builds a {@link Gateway}; every setter checks its argument. */
  public static final class Builder {
    private Router router;
    private Supplier<IdentityVerifier> identity;
    private Supplier<RateLimiter> rateLimiter;
    private Supplier<ApiKeyCheck> apiKeys = ApiKeyCheck::none;
    private Consumer<Caller> onSignedIn = c -> { };
    private GatewaySettings settings;
    private RequestLog log;

    public Builder router(Router router) {
      this.router = Objects.requireNonNull(router, "router");
      return this;
    }

    /** Where identity comes from; asked for only when the first token is checked. */
    public Builder identity(Supplier<IdentityVerifier> identity) {
      this.identity = Objects.requireNonNull(identity, "identity");
      return this;
    }

    /**
     * What checks API keys ({@code Authorization: Bearer cck_...}); asked for only when the first
     * key comes. Without it every key is refused (401).
     */
    public Builder apiKeys(Supplier<ApiKeyCheck> apiKeys) {
      this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
      return this;
    }

    /** Where rate limits are kept; asked for only when the first limited request comes. */
    public Builder rateLimiter(Supplier<RateLimiter> rateLimiter) {
      this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
      return this;
    }

    /** Called with every authenticated caller before its handler, e.g. to create the user's record. */
    public Builder onSignedIn(Consumer<Caller> onSignedIn) {
      this.onSignedIn = Objects.requireNonNull(onSignedIn, "onSignedIn");
      return this;
    }

    public Builder settings(GatewaySettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Where request lines go; the standard log by default. */
    public Builder log(RequestLog log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    public Gateway build() {
      Objects.requireNonNull(router, "router is required");
      Objects.requireNonNull(identity, "identity is required");
      Objects.requireNonNull(rateLimiter, "rateLimiter is required");
      Objects.requireNonNull(settings, "settings is required");
      if (log == null) {
        log = RequestLog.standard(settings.projectId());
      }
      return new Gateway(this);
    }
  }
}
