package dev.contentcreator.core.http;

import dev.contentcreator.core.domain.Role;

/**
 * Where an API key may go, checked by the gateway once the key is known and before the handler
 * runs; the role a key acts with inside a project is capped by the one role check every service
 * makes (see {@link KeyScope}). The rules:
 * <ul>
 *   <li>the routes that manage keys ({@code /api/me/keys...}) need the person: a key cannot make,
 *       list or revoke keys (403);</li>
 *   <li>a key for one project reaches that project's routes; another project's answer the same 404
 *       as for a stranger; of the routes outside projects it reaches only the list of projects (which
 *       shows its one project) and {@code GET /api/me} (403 for the rest);</li>
 *   <li>a viewer's key writes nothing outside projects either (403).</li>
 * </ul>
 */
final class KeyRoutes {
  static final String KEYS = "/api/me/keys";

  private KeyRoutes() {}

  /** Throws the refusal when {@code scope} may not call {@code method} on this target. */
  static void check(String method, Pipeline.Target target, KeyScope scope) {
    String route = target.name();
    if (route.equals(KEYS) || route.startsWith(KEYS + "/")) {
      throw ApiException.forbidden("API keys are managed by the signed-in person; a key cannot manage keys.");
    }
    String projectId = target.pathParams().get("projectId");
    if (projectId != null) {
      if (!scope.reaches(projectId)) {
        throw ApiException.notFound("No such project, or you are not a member of it.");
      }
      return;
    }
    boolean read = method.equals("GET") || method.equals("HEAD");
    if (scope.projectId() != null) {
      if (read && (route.equals("/api/projects") || route.equals("/api/me"))) {
        return;
      }
      throw ApiException.forbidden("This API key is for one project; it does not reach " + route + ".");
    }
    if (!read && !scope.role().atLeast(Role.EDITOR)) {
      throw ApiException.forbidden("This API key has the viewer role: it cannot change anything.");
    }
  }
}
