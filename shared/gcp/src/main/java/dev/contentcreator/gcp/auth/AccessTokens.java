package dev.contentcreator.gcp.auth;

import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.util.List;

/**
 * Gives a current OAuth access token for a Google API that the product calls over plain HTTP with
 * the JDK's client (Firestore's REST API, its Admin API).
 */
@FunctionalInterface
public interface AccessTokens {
  String current() throws IOException;

  /**
   * Tokens of application-default credentials (the function's service account in production),
   * scoped to {@code scope}, found on first use and refreshed when they expire. Thread-safe.
   */
  static AccessTokens applicationDefault(String scope) {
    return new AccessTokens() {
      private GoogleCredentials credentials;

      @Override
      public synchronized String current() throws IOException {
        if (credentials == null) {
          credentials = GoogleCredentials.getApplicationDefault().createScoped(List.of(scope));
        }
        credentials.refreshIfExpired();
        return credentials.getAccessToken().getTokenValue();
      }
    };
  }
}
