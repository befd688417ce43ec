package dev.contentcreator.core.platform;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.ProjectId;
import dev.contentcreator.core.config.Settings;

/**
 * Refuses a process that would trust the Firebase Auth emulator's tokens for a real project. The
 * emulator signs nothing, so with {@code FIREBASE_AUTH_EMULATOR_HOST} set anyone can mint a token
 * for any account; Firebase keeps emulators to projects named {@code demo-*}, which have no real
 * users, and so does this guard. A deployed function with the variable set by mistake stops here,
 * before it serves a request.
 */
public final class AuthEmulatorGuard {
  private AuthEmulatorGuard() {}

  /** The project the process verifies tokens for, as the identity adapter reads it. */
  public static String projectId(Config config) {
    return ProjectId.resolve(config);
  }

  /** Throws when the Auth emulator is configured for a project that is not a {@code demo-} project. */
  public static void check(Config config) {
    if (config.find(Settings.FIREBASE_AUTH_EMULATOR_HOST).isEmpty()) {
      return;
    }
    String project = projectId(config);
    if (!project.startsWith("demo-")) {
      throw new IllegalStateException("refusing to start: FIREBASE_AUTH_EMULATOR_HOST is set, so ID tokens would be "
          + "checked by the Auth emulator, which accepts unsigned tokens, but the project '" + project
          + "' is not a demo- project. Unset FIREBASE_AUTH_EMULATOR_HOST to use real Firebase Auth, or use a "
          + "project id starting with demo- for local work.");
    }
  }
}
