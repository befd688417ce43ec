package dev.contentcreator.functions.health;

import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.platform.Platform;
import java.time.Instant;

/** The health route: the service is up, which version it runs, and the server's time. */
public final class HealthApi {
  /** The answer ({@code Health} in docs/openapi.yaml); {@code demo}: no provider is configured. */
  record Health(String status, String service, String version, Instant time, boolean demo) {}

  private HealthApi() {}

  public static Router router(Platform platform) {
    String version = platform.config().find(Settings.APP_VERSION).orElseGet(() ->
        HealthApi.class.getPackage().getImplementationVersion() == null
            ? "dev" : HealthApi.class.getPackage().getImplementationVersion());
    return Router.builder()
        .publicGet("/api/health", request -> {
          // Read from the settings alone, so health loads no provider: without keys, generation is the offline demo.
          boolean demo = platform.config().find(Settings.OPENAI_API_KEY).isEmpty()
              && platform.config().find(Settings.GOAPI_API_KEY).isEmpty();
          return ApiResponse.ok(new Health("ok", "content-creator", version, platform.clock().instant(), demo));
        })
        .build();
  }
}
