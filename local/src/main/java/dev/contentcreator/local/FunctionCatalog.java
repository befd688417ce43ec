package dev.contentcreator.local;

import com.google.cloud.functions.HttpFunction;
import java.util.Locale;

/**
 * Finds a function by the id firebase.json gives it: function {@code projects} is the class
 * {@code dev.contentcreator.functions.projects.ProjectsFunction} of module {@code functions/projects},
 * the same entry point the deployment names.
 */
final class FunctionCatalog {
  /**
   * The functions only Google calls (Cloud Tasks, Eventarc, Cloud Scheduler, with OIDC): not public
   * API, so no hosting rewrite and no OpenAPI path. On one machine {@code Workers} runs their work
   * in this JVM instead. Every other module under {@code functions/} is public.
   */
  static final java.util.Set<String> INTERNAL = java.util.Set.of("tasks", "fanout", "scheduler");

  private FunctionCatalog() {}

  static String className(String functionId) {
    if (!functionId.matches("[a-z][a-z0-9]*")) {
      throw new IllegalArgumentException("a function id is lower-case letters and digits, got: " + functionId);
    }
    return "dev.contentcreator.functions." + functionId + "."
        + functionId.substring(0, 1).toUpperCase(Locale.ROOT) + functionId.substring(1) + "Function";
  }

  static Class<? extends HttpFunction> resolve(String functionId) {
    String name = className(functionId);
    try {
      return Class.forName(name, false, FunctionCatalog.class.getClassLoader()).asSubclass(HttpFunction.class);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("firebase.json routes to function '" + functionId + "' but " + name
          + " is not on the classpath", e);
    }
  }

  static HttpFunction instantiate(String functionId) {
    try {
      return resolve(functionId).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make function " + functionId, e);
    }
  }
}
