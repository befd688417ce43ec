package dev.contentcreator.gcp.auth;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.auth.AuthErrorCode;
import com.google.firebase.auth.FirebaseAuth;
import com.google.firebase.auth.FirebaseAuthException;
import com.google.firebase.auth.FirebaseToken;
import com.google.firebase.auth.UserRecord;
import dev.contentcreator.core.ports.IdentityVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The identity port on Firebase Auth (firebase-admin). With {@code FIREBASE_AUTH_EMULATOR_HOST}
 * set, firebase-admin talks to the Auth emulator, whose tokens are unsigned but still carry the
 * project as audience and issuer: a token made for another project is refused all the same.
 */
public final class FirebaseIdentity implements IdentityVerifier {
  private final FirebaseAuth auth;
  private final boolean checkRevoked;

  private FirebaseIdentity(FirebaseAuth auth, boolean checkRevoked) {
    this.auth = auth;
    this.checkRevoked = checkRevoked;
  }

  /**
   * Connects to the project's Firebase Auth. In emulator mode no Google credentials are needed;
   * otherwise Application Default Credentials are used.
   */
  public static FirebaseIdentity connect(String projectId, boolean emulator, boolean checkRevoked) {
    Objects.requireNonNull(projectId, "projectId");
    GoogleCredentials credentials;
    try {
      credentials = emulator
          ? GoogleCredentials.create(new AccessToken("owner", null))
          : GoogleCredentials.getApplicationDefault();
    } catch (IOException e) {
      throw new UncheckedIOException("no Google credentials for Firebase Auth: set GOOGLE_APPLICATION_CREDENTIALS "
          + "or run where Application Default Credentials exist", e);
    }
    // The JDK's HTTP client rather than firebase-admin's default, Apache HttpClient 5 over HTTP/2: the
    // few calls this port makes (revocation checks, look-ups by e-mail, public keys) need neither, and
    // a new instance's first token check loads some 470 classes fewer (bench/cold-start-signed-in.sh).
    FirebaseOptions options = FirebaseOptions.builder().setProjectId(projectId).setCredentials(credentials)
        .setHttpTransport(new NetHttpTransport()).build();
    String appName = "content-creator-" + projectId;
    FirebaseApp app;
    synchronized (FirebaseIdentity.class) {
      app = FirebaseApp.getApps().stream().filter(a -> a.getName().equals(appName)).findFirst()
          .orElseGet(() -> FirebaseApp.initializeApp(options, appName));
    }
    return new FirebaseIdentity(FirebaseAuth.getInstance(app), checkRevoked);
  }

  @Override
  public VerifiedIdentity verify(String idToken) throws InvalidTokenException {
    return verify(idToken, checkRevoked);
  }

  /** Always asks Firebase Auth whether the account was revoked or disabled since the token was issued. */
  @Override
  public VerifiedIdentity verifyFresh(String idToken) throws InvalidTokenException {
    return verify(idToken, true);
  }

  private VerifiedIdentity verify(String idToken, boolean checkRevoked) throws InvalidTokenException {
    try {
      FirebaseToken token = auth.verifyIdToken(idToken, checkRevoked);
      Object exp = token.getClaims().get("exp");
      Instant expiresAt = exp instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
      return new VerifiedIdentity(token.getUid(), token.getEmail(), token.getName(), token.getPicture(), expiresAt,
          token.isEmailVerified());
    } catch (FirebaseAuthException e) {
      if (e.getAuthErrorCode() == null && e.getCause() instanceof IOException io) {
        throw new UncheckedIOException("Firebase Auth could not be reached", io);
      }
      throw new InvalidTokenException(reason(e), e);
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException("it is not a Firebase ID token", e);
    }
  }

  /**
   * When tokens are checked for revocation, looks up an account that does not exist, so that the
   * HTTP client and the connection to Firebase Auth that every such check uses are made now. A
   * look-up by id is free of charge and changes nothing.
   */
  @Override
  public void warmUp() {
    if (checkRevoked) {
      isDisabled(WARM_UP_UID);
    }
  }

  /** The account {@link #warmUp()} looks up: Firebase Auth never makes an id of this form. */
  static final String WARM_UP_UID = "warm-up-look-up";

  /** Asks Firebase Auth every time; an account that is not found counts as disabled. */
  @Override
  public boolean isDisabled(String uid) {
    try {
      return auth.getUser(uid).isDisabled();
    } catch (FirebaseAuthException e) {
      if (e.getAuthErrorCode() == AuthErrorCode.USER_NOT_FOUND) {
        return true;
      }
      if (e.getAuthErrorCode() == null && e.getCause() instanceof IOException io) {
        throw new UncheckedIOException("Firebase Auth could not be reached", io);
      }
      throw new IllegalStateException("Firebase Auth could not look up a user: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  @Override
  public Optional<VerifiedIdentity> findByEmail(String email) {
    try {
      UserRecord u = auth.getUserByEmail(email);
      return Optional.of(new VerifiedIdentity(u.getUid(), u.getEmail(), u.getDisplayName(), u.getPhotoUrl(), null,
          u.isEmailVerified()));
    } catch (FirebaseAuthException e) {
      if (e.getAuthErrorCode() == AuthErrorCode.USER_NOT_FOUND) {
        return Optional.empty();
      }
      throw new IllegalStateException("Firebase Auth could not look up a user: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String reason(FirebaseAuthException e) {
    AuthErrorCode code = e.getAuthErrorCode();
    if (code == null) {
      return "it could not be verified";
    }
    return switch (code) {
      case EXPIRED_ID_TOKEN -> "it has expired; sign in again";
      case REVOKED_ID_TOKEN -> "it has been revoked; sign in again";
      case USER_DISABLED -> "the account is disabled";
      default -> "it is malformed or was issued for another project";
    };
  }
}
