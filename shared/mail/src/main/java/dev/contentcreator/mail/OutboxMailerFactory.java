package dev.contentcreator.mail;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.Mailer;
import java.nio.file.Path;
import java.time.Clock;

/** Makes the {@code outbox} mail adapter: {@code OUTBOX_DIR}, default {@code $DATA_DIR/outbox}; {@code MAIL_FROM}. */
public final class OutboxMailerFactory implements PortFactory<Mailer> {
  @Override
  public Class<Mailer> port() {
    return Mailer.class;
  }

  @Override
  public String name() {
    return "outbox";
  }

  @Override
  public Mailer create(Config config) {
    return new OutboxMailer(folder(config), config.get(Settings.MAIL_FROM), Clock.systemUTC());
  }

  /** The folder the configuration names. */
  public static Path folder(Config config) {
    return config.find(Settings.OUTBOX_DIR).orElseGet(() -> config.get(Settings.DATA_DIR).resolve("outbox"));
  }
}
