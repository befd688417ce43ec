package dev.contentcreator.core.http;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.log.LogTrace;
import dev.contentcreator.core.ports.InvalidCursorException;
import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.core.ports.StoreBusyException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The one chain every HTTP function runs a request through, public ({@link Gateway}) or internal
 * ({@link InternalEndpoint}); they differ only in what they plug into it. The steps, in order:
 * <ol>
 *   <li>read the method, path, trace and client address; set the security headers;</li>
 *   <li>find the route ({@link Routes}: 404, 405);</li>
 *   <li>limits before the caller is known ({@link Limits}: per address, 429 or 503);</li>
 *   <li>authenticate by the route's {@link Authenticator} (401, 403, 503);</li>
 *   <li>limits on the caller (per person, a key's person included); where an API key may go
 *       ({@link KeyRoutes});</li>
 *   <li>read the body by the route's {@link BodyRule} (400, 413, 415);</li>
 *   <li>tell {@code onSignedIn} of a person signed in with their own token, then call the handler
 *       (with the key's {@link KeyScope} on the thread when an API key signed the request);</li>
 *   <li>write the answer, or map what went wrong: an {@link ApiException} to its problem+json, a
 *       busy store to 503 with Retry-After, a cursor of another list to 400, anything else to a
 *       500 that names nothing internal, logged with its stack trace;</li>
 *   <li>write one request log line, for refusals too.</li>
 * </ol>
 * While a request is served its trace is the thread's ({@link LogTrace}), so what the handler logs
 * is filed under it. Immutable and thread-safe.
 */
final class Pipeline {
  private static final ApiException BUSY = ApiException.of(503, "busy", "Busy",
      "Too many changes are being made here at once. Nothing was lost; please try again in a moment.")
      .withHeaders(Map.of("Retry-After", "1"));
  private static final ApiException BAD_CURSOR =
      ApiException.badRequest("cursor", "is not a cursor this list gave out; start again without it");
  private static final ApiException INTERNAL = ApiException.of(500, "internal", "Internal error",
      "Something went wrong on our side. It has been logged; please try again.");

  /** Finds what serves a request. */
  @FunctionalInterface
  interface Routes {
    /** The target of this method and path; throws {@link ApiException} 404 or 405. */
    Target resolve(String method, String path);
  }

  /**
   * What serves one request: the route's name for the log, the path's parameters, who may call it,
   * the body it takes and its handler.
   */
  record Target(String name, Map<String, String> pathParams, Authenticator authenticator, BodyRule body,
      Handler handler, RateLimiter.Bucket addressLimit) {
    /** A target without a rate limit of its own ({@code addressLimit} may be null). */
    Target(String name, Map<String, String> pathParams, Authenticator authenticator, BodyRule body, Handler handler) {
      this(name, pathParams, authenticator, body, handler, null);
    }

    Target {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(pathParams, "pathParams");
      Objects.requireNonNull(authenticator, "authenticator");
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(handler, "handler");
    }
  }

  /** Limits that hold callers to a rate; each throws {@link ApiException} (429, 503) to refuse. */
  interface Limits {
    /** No limits (internal endpoints: only Google calls them). */
    Limits NONE = new Limits() {};

    /** Before the caller is known, such as per client address; may add headers to the answer. */
    default void beforeAuthentication(Call call, Target target) {}

    /** Once {@code who} is known, such as per person. */
    default void afterAuthentication(Call call, Principal who) {}
  }

  private final Routes routes;
  private final Limits limits;
  private final Consumer<Caller> onSignedIn;
  private final int trustedProxyHops;
  private final RequestLog log;

  Pipeline(Routes routes, Limits limits, Consumer<Caller> onSignedIn, int trustedProxyHops, RequestLog log) {
    this.routes = Objects.requireNonNull(routes, "routes");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.onSignedIn = Objects.requireNonNull(onSignedIn, "onSignedIn");
    this.trustedProxyHops = trustedProxyHops;
    this.log = Objects.requireNonNull(log, "log");
  }

  /** Serves one request; never throws. Every request, answered or refused, leaves one log line. */
  void service(HttpRequest request, HttpResponse response) {
    Call call = new Call(request, trustedProxyHops);
    try (LogTrace.Scope traced = LogTrace.enter(log.traceOf(call.trace))) {
      try {
        answer(call, response);
      } finally {
        log.write(call.entry());
      }
    }
  }

  private void answer(Call call, HttpResponse response) {
    try {
      ApiResponse answer;
      try {
        answer = dispatch(call);
      } catch (RuntimeException e) {
        ApiException refusal = refusal(e);
        if (refusal == null) {
          throw e;
        }
        if (e instanceof StoreBusyException) {
          call.blame(e);
        }
        call.bytes = Responses.problem(response, call, refusal);
        return;
      }
      // A streamed answer runs its stream here, after the handler: it keeps the key's scope too.
      try (KeyScope.Scope scoped = KeyScope.enter(call.keyScope)) {
        call.bytes = Responses.answer(response, call, answer);
      }
    } catch (RuntimeException | IOException | Error e) {
      call.blame(e);
      Log.error("unexpected failure in " + call.method + " " + SecretPaths.redact(call.path), e);
      call.bytes = Responses.problemQuietly(response, call, INTERNAL);
    }
  }

  private ApiResponse dispatch(Call call) throws IOException {
    Target target = routes.resolve(call.method, call.path);
    call.route = target.name();
    limits.beforeAuthentication(call, target);
    Principal who;
    try {
      // A person the rate limits already recalled from the token cache is who the token says;
      // asking again would hash the token a second time for the same answer.
      who = call.recalled != null ? call.recalled : target.authenticator().authenticate(call.request::getFirstHeader);
    } catch (ApiException e) {
      // A refused API key is logged by the id it names (never the key), so its person can be told.
      call.keyId = call.request.getFirstHeader("Authorization")
          .map(h -> h.length() > 7 ? h.substring(7).trim() : "")
          .flatMap(ApiKeyCheck::claimedId).orElse(null);
      throw e;
    }
    Caller caller = who instanceof Caller person ? person : null;
    if (caller != null) {
      call.uid = caller.uid();
      if (caller.viaKey()) {
        call.keyId = caller.key().keyId();
        call.keyScope = caller.key();
      }
    }
    limits.afterAuthentication(call, who);
    if (caller != null && caller.viaKey()) {
      KeyRoutes.check(call.method, target, caller.key());
    }
    byte[] body = target.body().read(call.request, call.method);
    if (caller != null && !caller.viaKey()) {
      onSignedIn.accept(caller); // a key's person was signed in when they made it
    }
    ApiRequest request = new ApiRequest(call.method, call.path, target.pathParams(),
        call.request.getQueryParameters(), call.request.getHeaders(), body, caller);
    try (KeyScope.Scope scoped = KeyScope.enter(caller == null ? null : caller.key())) {
      return target.handler().handle(request);
    }
  }

  /** The answer to an exception the pipeline expects from any step, or null for one it does not. */
  private static ApiException refusal(RuntimeException e) {
    if (e instanceof ApiException api) {
      return api;
    }
    if (e instanceof StoreBusyException) {
      return BUSY;
    }
    if (e instanceof InvalidCursorException) {
      return BAD_CURSOR;
    }
    return null;
  }
}
