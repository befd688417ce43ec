package dev.contentcreator.gcp.auth;

import com.google.firebase.internal.FirebaseProcessEnvironment;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.IdentityVerifier;

/**
 * Makes the Firebase Auth adapter, named {@code firebase}. Settings: {@code FIREBASE_PROJECT_ID}
 * (else {@code GOOGLE_CLOUD_PROJECT}, else {@code demo-contentcreator}),
 * {@code FIREBASE_AUTH_EMULATOR_HOST} (host:port of the Auth emulator; unset in production),
 * {@code CHECK_REVOKED_TOKENS} (default false: one more call to Auth per request when true).
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
    String projectId = config.find("FIREBASE_PROJECT_ID").or(() -> config.find("GOOGLE_CLOUD_PROJECT"))
        .orElse("demo-contentcreator");
    var emulatorHost = config.find("FIREBASE_AUTH_EMULATOR_HOST");
    // firebase-admin reads the emulator's address through this class, from the environment unless
    // told otherwise; telling it here lets the configuration, not only the environment, choose.
    emulatorHost.ifPresent(host -> FirebaseProcessEnvironment.setenv("FIREBASE_AUTH_EMULATOR_HOST", host));
    boolean emulator = emulatorHost.isPresent();
    return FirebaseIdentity.connect(projectId, emulator, config.getBoolean("CHECK_REVOKED_TOKENS", false));
  }
}
