package dev.contentcreator.gcp.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.secretmanager.v1.AddSecretVersionRequest;
import com.google.cloud.secretmanager.v1.CreateSecretRequest;
import dev.contentcreator.core.ports.Secrets;
import dev.contentcreator.testkit.SecretsContract;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Secret Manager adapter passes the secrets contract against a local fake of the service's
 * gRPC API (Secret Manager has no emulator), and builds its requests as the service expects.
 */
class SecretManagerSecretsTest extends SecretsContract {
  private final List<FakeSecretManager> fakes = new ArrayList<>();
  private final List<SecretManagerSecrets> adapters = new ArrayList<>();

  @Override
  protected Secrets secrets() throws Exception {
    FakeSecretManager fake = new FakeSecretManager();
    fakes.add(fake);
    SecretManagerSecrets adapter = new SecretManagerSecrets(fake.client(), "demo-project");
    adapters.add(adapter);
    return adapter;
  }

  @AfterEach
  void close() {
    adapters.forEach(SecretManagerSecrets::close);
    fakes.forEach(FakeSecretManager::close);
  }

  @Test
  void aSecretIsCreatedInTheProjectWithAutomaticReplicationAndEachValueCarriesItsChecksum() throws Exception {
    Secrets s = secrets();
    s.put("project-p1-anthropic", "sk-ant-1");
    s.put("project-p1-anthropic", "sk-ant-2");
    FakeSecretManager fake = fakes.get(0);
    assertEquals(List.of("projects/demo-project/secrets/project-p1-anthropic"), fake.secretNames());
    CreateSecretRequest create = (CreateSecretRequest) fake.requests.get(0);
    assertEquals("projects/demo-project", create.getParent());
    assertEquals("project-p1-anthropic", create.getSecretId());
    assertTrue(create.getSecret().getReplication().hasAutomatic());
    AddSecretVersionRequest add = (AddSecretVersionRequest) fake.requests.stream()
        .filter(AddSecretVersionRequest.class::isInstance).reduce((a, b) -> b).orElseThrow();
    CRC32C crc = new CRC32C();
    crc.update("sk-ant-2".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(crc.getValue(), add.getPayload().getDataCrc32C());
  }
}
