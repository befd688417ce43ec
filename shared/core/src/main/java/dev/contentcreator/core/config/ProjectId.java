package dev.contentcreator.core.config;

import java.util.Optional;

/**
 * The one order in which every part finds the project (the Firebase project tokens are issued for,
 * which is also the Google Cloud project of Firestore, the topics, the queues and the buckets):
 * {@code FIREBASE_PROJECT_ID}, else {@code GOOGLE_CLOUD_PROJECT}, else, where a default is allowed,
 * {@code demo-contentcreator}. Terraform sets both to the same project; when they differ, the
 * Firebase one wins everywhere, so tokens, documents and traces never name two projects.
 */
public final class ProjectId {
  /** The default: a {@code demo-} project, which the Firebase emulators accept and Google Cloud never has. */
  public static final String DEMO = "demo-contentcreator";

  private ProjectId() {}

  /** The project configured, if either setting names one. */
  public static Optional<String> configured(Config config) {
    return config.find(Settings.FIREBASE_PROJECT_ID.name()).or(() -> config.find(Settings.GOOGLE_CLOUD_PROJECT.name()));
  }

  /** The project configured, else {@link #DEMO}. */
  public static String resolve(Config config) {
    return configured(config).orElse(DEMO);
  }

  /** The project configured; throws IllegalStateException saying what {@code purpose} needs it for. */
  public static String required(Config config, String purpose) {
    return configured(config).orElseThrow(() -> new IllegalStateException(purpose + " needs the project: set "
        + "FIREBASE_PROJECT_ID (or GOOGLE_CLOUD_PROJECT)"));
  }
}
