package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.functions.batches.BatchesApi;
import dev.contentcreator.functions.contents.ContentsApi;
import dev.contentcreator.functions.generations.GenerationsApi;
import dev.contentcreator.functions.health.HealthApi;
import dev.contentcreator.functions.media.MediaApi;
import dev.contentcreator.functions.projects.ProjectsApi;
import dev.contentcreator.functions.templates.TemplatesApi;
import dev.contentcreator.functions.users.UsersApi;
import dev.contentcreator.functions.webhooks.WebhooksApi;
import java.io.Reader;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The three places that name the routes agree: each function's router, the rewrites of
 * firebase.json that send a path to that function, and docs/openapi.yaml.
 */
class RoutesAgreeTest {
  private static Map<String, String> routesOfFunctions() {
    Platform platform = Platform.create(Config.of(Map.of()), Clock.systemUTC());
    Services services = new Services(platform);
    Map<String, Router> byFunction = Map.of(
        "health", HealthApi.router(platform),
        "users", UsersApi.router(services),
        "projects", ProjectsApi.router(services),
        "generations", GenerationsApi.router(services),
        "contents", ContentsApi.router(services),
        "templates", TemplatesApi.router(services),
        "webhooks", WebhooksApi.router(services),
        "media", MediaApi.router(services),
        "batches", BatchesApi.router(services));
    Map<String, String> routes = new TreeMap<>();
    byFunction.forEach((function, router) ->
        router.routes().forEach(r -> routes.put(r.method() + " " + r.template(), function)));
    return routes;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> routesOfOpenApi() throws Exception {
    Map<String, String> routes = new TreeMap<>();
    try (Reader in = Files.newBufferedReader(ServerProcess.REPO.resolve("docs/openapi.yaml"))) {
      Map<String, Object> doc = new Yaml().load(in);
      Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
      paths.forEach((path, item) -> item.forEach((method, op) -> {
        if (!method.equals("parameters")) {
          routes.put(method.toUpperCase(Locale.ROOT) + " " + path, (String) ((Map<String, Object>) op).get("x-function"));
        }
      }));
    }
    return routes;
  }

  @Test
  void theOpenApiDescriptionListsExactlyTheRoutesOfTheFunctions() throws Exception {
    assertEquals(routesOfFunctions(), routesOfOpenApi());
  }

  @Test
  void firebaseJsonSendsEveryRouteToTheFunctionThatServesIt() throws Exception {
    HostingConfig hosting = HostingConfig.read(ServerProcess.REPO.resolve("firebase.json"));
    routesOfFunctions().forEach((route, function) -> {
      String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "sample");
      var rewrite = hosting.rewriteFor(path);
      assertTrue(rewrite.isPresent(), "no rewrite for " + path);
      assertEquals(function, rewrite.get().functionId(), "rewrite of " + path);
    });
  }

  @Test
  void everyFunctionThatFirebaseJsonNamesExists() throws Exception {
    HostingConfig hosting = HostingConfig.read(ServerProcess.REPO.resolve("firebase.json"));
    hosting.rewrites().stream().filter(r -> r.functionId() != null)
        .forEach(r -> assertEquals(FunctionCatalog.className(r.functionId()), FunctionCatalog.resolve(r.functionId()).getName()));
  }
}
