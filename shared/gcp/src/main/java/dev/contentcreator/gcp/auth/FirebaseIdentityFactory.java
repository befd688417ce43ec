package dev.contentcreator.gcp.auth;

import com.google.firebase.internal.FirebaseProcessEnvironment;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.platform.AuthEmulatorGuard;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.IdentityVerifier;

/**
 * Makes the Firebase Auth adapter, named {@code firebase}. Settings: {@code FIREBASE_PROJECT_ID}
 * (else {@code GOOGLE_CLOUD_PROJECT}, else {@code demo-contentcreator}),
 * {@code FIREBASE_AUTH_EMULATOR_HOST} (host:port of the Auth emulator; unset in production),
 * {@code CHECK_REVOKED_TOKENS} (default true: a token is refused once its account is revoked or
 * disabled; this costs one call to Auth per token verified, which the platform's token cache makes
 * one per token per {@code TOKEN_CACHE_TTL}). The emulator is refused for a project that is not a
 * {@code demo-} project; without it, a {@code FIREBASE_AUTH_EMULATOR_HOST} in the process's
 * environment is ignored, so real Firebase Auth checks every signature.
 */
public final class FirebaseIdentityFactory implements PortFactory<IdentityVerifier> {
  @Override
  public Class<IdentityVerifier> port() {
    return IdentityVerifier.class;
  }

  @Override
  public String name() {
    return "firebase";
  }

  @Override
  public IdentityVerifier create(Config config) {
    AuthEmulatorGuard.check(config);
    String projectId = AuthEmulatorGuard.projectId(config);
    var emulatorHost = config.find(Settings.FIREBASE_AUTH_EMULATOR_HOST);
    // firebase-admin reads the emulator's address through this class, from the environment unless
    // told otherwise; telling it here lets the configuration, not only the environment, choose. An
    // empty value turns emulator mode off even when the process's environment names an emulator.
    FirebaseProcessEnvironment.setenv("FIREBASE_AUTH_EMULATOR_HOST", emulatorHost.orElse(""));
    boolean emulator = emulatorHost.isPresent();
    return FirebaseIdentity.connect(projectId, emulator, config.get(Settings.CHECK_REVOKED_TOKENS));
  }
}
