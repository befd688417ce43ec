package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.functions.batches.BatchesApi;
import dev.contentcreator.functions.contents.ContentsApi;
import dev.contentcreator.functions.generations.GenerationsApi;
import dev.contentcreator.functions.health.HealthApi;
import dev.contentcreator.functions.invitations.InvitationsApi;
import dev.contentcreator.functions.shares.SharesApi;
import dev.contentcreator.functions.calendar.CalendarApi;
import dev.contentcreator.functions.hooks.HooksApi;
import dev.contentcreator.functions.publishing.PublishingApi;
import dev.contentcreator.functions.media.MediaApi;
import dev.contentcreator.functions.projects.ProjectsApi;
import dev.contentcreator.functions.templates.TemplatesApi;
import dev.contentcreator.functions.users.UsersApi;
import dev.contentcreator.functions.webhooks.WebhooksApi;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The three places that name the routes agree: each function's router, the rewrites of
 * firebase.json that send a path to that function, and docs/openapi.yaml. The internal functions
 * ({@link FunctionCatalog#INTERNAL}) are in none of them, and every module under functions/ is
 * one or the other.
 */
class RoutesAgreeTest {
  private static Map<String, String> routesOfFunctions() {
    Map<String, String> routes = new TreeMap<>();
    routersOfPublicFunctions().forEach((function, router) ->
        router.routes().forEach(r -> routes.put(r.method() + " " + r.template(), function)));
    return routes;
  }

  private static Map<String, Router> routersOfPublicFunctions() {
    Platform platform = Platform.create(Config.of(Map.of()), Clock.systemUTC());
    Services services = new Services(platform);
    return Map.ofEntries(
        Map.entry("health", HealthApi.router(platform)),
        Map.entry("users", UsersApi.router(services)),
        Map.entry("projects", ProjectsApi.router(services)),
        Map.entry("generations", GenerationsApi.router(services)),
        Map.entry("contents", ContentsApi.router(services)),
        Map.entry("templates", TemplatesApi.router(services)),
        Map.entry("webhooks", WebhooksApi.router(services)),
        Map.entry("media", MediaApi.router(services)),
        Map.entry("batches", BatchesApi.router(services)),
        Map.entry("invitations", InvitationsApi.router(services)),
        Map.entry("shares", SharesApi.router(services)),
        Map.entry("hooks", HooksApi.router(services)),
        Map.entry("knowledge", dev.contentcreator.functions.knowledge.KnowledgeApi.router(services)),
        Map.entry("publishing", PublishingApi.router(services)),
        Map.entry("calendar", CalendarApi.router(services)));
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
  void aRememberedRewriteIsTheOneTheGlobsGivePastTheBoundToo() throws Exception {
    HostingConfig hosting = HostingConfig.read(ServerProcess.REPO.resolve("firebase.json"));
    List<String> paths = new java.util.ArrayList<>();
    for (int i = 0; i <= HostingConfig.RECENT_PATHS + 10; i++) {
      paths.add(List.of("/api/projects/p" + i, "/api/projects/p" + i + "/generations/g", "/api/me",
          "/app/page" + i, "/api/shares/s" + i).get(i % 5));
    }
    for (int round = 0; round < 2; round++) {
      for (String path : paths) {
        var byGlobs = hosting.rewrites().stream().filter(r -> r.pattern().matcher(path).matches()).findFirst();
        assertEquals(byGlobs, hosting.rewriteFor(path), path);
      }
    }
  }

  @Test
  void everyFunctionThatFirebaseJsonNamesExists() throws Exception {
    HostingConfig hosting = HostingConfig.read(ServerProcess.REPO.resolve("firebase.json"));
    hosting.rewrites().stream().filter(r -> r.functionId() != null)
        .forEach(r -> assertEquals(FunctionCatalog.className(r.functionId()), FunctionCatalog.resolve(r.functionId()).getName()));
  }

  @Test
  void firebaseJsonRoutesNothingToAnInternalFunction() throws Exception {
    HostingConfig hosting = HostingConfig.read(ServerProcess.REPO.resolve("firebase.json"));
    hosting.rewrites().stream().filter(r -> r.functionId() != null).forEach(r ->
        assertFalse(FunctionCatalog.INTERNAL.contains(r.functionId()),
            r.source() + " is rewritten to " + r.functionId() + ", which only Google may call"));
  }

  @Test
  void everyFunctionRewriteLeadsToARouteOfThatFunction() throws Exception {
    HostingConfig hosting = HostingConfig.read(ServerProcess.REPO.resolve("firebase.json"));
    Map<String, String> routes = routesOfFunctions();
    hosting.rewrites().stream().filter(r -> r.functionId() != null && !r.source().equals(CATCH_ALL)).forEach(r -> {
      boolean served = routes.entrySet().stream().anyMatch(route -> route.getValue().equals(r.functionId())
          && r.pattern().matcher(route.getKey().substring(route.getKey().indexOf(' ') + 1)
              .replaceAll("\\{[^}]+}", "sample")).matches());
      assertTrue(served, "the rewrite of " + r.source() + " to " + r.functionId() + " leads to no route of it");
    });
  }

  @Test
  void everyFunctionModuleIsPublicOrInternalAndNamedByTheConvention() throws Exception {
    Set<String> modules = new TreeSet<>();
    try (Stream<Path> dirs = Files.list(ServerProcess.REPO.resolve("functions"))) {
      dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).forEach(d -> modules.add(d.getFileName().toString()));
    }
    Set<String> known = new TreeSet<>(routersOfPublicFunctions().keySet());
    for (String internal : FunctionCatalog.INTERNAL) {
      assertFalse(known.contains(internal), internal + " is listed as internal but has public routes");
      known.add(internal);
      String className = FunctionCatalog.className(internal);
      Path source = ServerProcess.REPO.resolve("functions/" + internal + "/src/main/java/"
          + className.replace('.', '/') + ".java");
      assertTrue(Files.isRegularFile(source), "internal function " + internal + " has no " + className);
    }
    assertEquals(modules, known, "a function module must have public routes here or be listed as internal");
  }

  /** The rewrite that sends every unknown /api path to a function that answers 404 for it. */
  private static final String CATCH_ALL = "/api/**";
}
