package dev.contentcreator.core.http;

import java.util.Objects;

/** A Google service account of ours, proved by a Google-signed OIDC token (Cloud Tasks, Scheduler, Pub/Sub push). */
public record ServiceAccount(String email) implements Principal {
  public ServiceAccount {
    Objects.requireNonNull(email, "email");
  }
}
