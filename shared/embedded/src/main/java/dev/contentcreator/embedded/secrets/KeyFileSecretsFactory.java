package dev.contentcreator.embedded.secrets;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Makes the {@code keyfile} secrets adapter. Settings: {@code SECRETS_DIR}, default {@code DATA_DIR/secrets}. */
public final class KeyFileSecretsFactory implements PortFactory<Secrets> {

  @Override
  public Class<Secrets> port() {
    return Secrets.class;
  }

  @Override
  public String name() {
    return "keyfile";
  }

  @Override
  public Secrets create(Config config) {
    try {
      return KeyFileSecrets.open(folder(config));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder the configuration names. */
  public static Path folder(Config config) {
    return config.find(Settings.SECRETS_DIR).orElseGet(() -> config.get(Settings.DATA_DIR).resolve("secrets"));
  }
}
