package dev.contentcreator.functions.health;

import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.platform.Platform;
import java.util.LinkedHashMap;
import java.util.Map;

/** The health route: the service is up, which version it runs, and the server's time. */
public final class HealthApi {
  private HealthApi() {}

  public static Router router(Platform platform) {
    String version = platform.config().find(Settings.APP_VERSION).orElseGet(() ->
        HealthApi.class.getPackage().getImplementationVersion() == null
            ? "dev" : HealthApi.class.getPackage().getImplementationVersion());
    return Router.builder()
        .publicGet("/api/health", request -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("status", "ok");
          body.put("service", "content-creator");
          body.put("version", version);
          body.put("time", Json.format(platform.clock().instant()));
          // Read from the settings alone, so health loads no provider: without keys, generation is the offline demo.
          body.put("demo", platform.config().find(Settings.OPENAI_API_KEY).isEmpty()
              && platform.config().find(Settings.GOAPI_API_KEY).isEmpty());
          return ApiResponse.ok(body);
        })
        .build();
  }
}
