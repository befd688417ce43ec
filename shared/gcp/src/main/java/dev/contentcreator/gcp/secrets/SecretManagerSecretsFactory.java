package dev.contentcreator.gcp.secrets;

import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.ProjectId;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Makes the {@code secretmanager} secrets adapter, in the project of {@code FIREBASE_PROJECT_ID} or
 * {@code GOOGLE_CLOUD_PROJECT}, with the process's default credentials (the function's service
 * account, which terraform gives the Secret Manager roles).
 */
public final class SecretManagerSecretsFactory implements PortFactory<Secrets> {

  @Override
  public Class<Secrets> port() {
    return Secrets.class;
  }

  @Override
  public String name() {
    return "secretmanager";
  }

  @Override
  public Secrets create(Config config) {
    String project = ProjectId.required(config, "SECRETS=secretmanager (the project of the secrets)");
    try {
      return new SecretManagerSecrets(SecretManagerServiceClient.create(), project);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
