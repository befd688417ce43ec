package dev.contentcreator.gcp.secrets;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.FailedPreconditionException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.secretmanager.v1.ProjectName;
import com.google.cloud.secretmanager.v1.Replication;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretName;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.cloud.secretmanager.v1.SecretVersionName;
import com.google.protobuf.ByteString;
import dev.contentcreator.core.ports.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Secrets in Google Secret Manager: one secret per name (automatic replication, labelled as the
 * product's), each value a new version with its CRC32C so Secret Manager checks it arrived whole;
 * reading takes the {@code latest} version. A name never stored, or whose versions are all
 * destroyed, has no value. Failures of the service are {@link IOException}s, never holding a value.
 */
public final class SecretManagerSecrets implements Secrets, AutoCloseable {
  private final SecretManagerServiceClient client;
  private final String project;

  public SecretManagerSecrets(SecretManagerServiceClient client, String project) {
    this.client = Objects.requireNonNull(client, "client");
    this.project = Objects.requireNonNull(project, "project");
  }

  @Override
  public void put(String name, String value) throws IOException {
    Secrets.checkName(name);
    Objects.requireNonNull(value, "value");
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    try {
      try {
        client.createSecret(ProjectName.of(project), name, Secret.newBuilder()
            .setReplication(Replication.newBuilder().setAutomatic(Replication.Automatic.getDefaultInstance()))
            .putLabels("app", "contentcreator").build());
      } catch (AlreadyExistsException kept) {
        // A new version replaces the value.
      }
      client.addSecretVersion(SecretName.of(project, name), SecretPayload.newBuilder()
          .setData(ByteString.copyFrom(bytes)).setDataCrc32C(crc.getValue()).build());
    } catch (ApiException e) {
      throw failure("storing", name, e);
    }
  }

  @Override
  public Optional<String> get(String name) throws IOException {
    Secrets.checkName(name);
    try {
      return Optional.of(client.accessSecretVersion(SecretVersionName.of(project, name, "latest"))
          .getPayload().getData().toStringUtf8());
    } catch (NotFoundException | FailedPreconditionException none) {
      return Optional.empty();
    } catch (ApiException e) {
      throw failure("reading", name, e);
    }
  }

  @Override
  public void delete(String name) throws IOException {
    Secrets.checkName(name);
    try {
      client.deleteSecret(SecretName.of(project, name));
    } catch (NotFoundException gone) {
      // Nothing to forget.
    } catch (ApiException e) {
      throw failure("deleting", name, e);
    }
  }

  private static IOException failure(String doing, String name, ApiException e) {
    return new IOException("Secret Manager failed " + doing + " the secret " + name + ": "
        + e.getStatusCode().getCode(), e);
  }

  @Override
  public void close() {
    client.close();
  }
}
