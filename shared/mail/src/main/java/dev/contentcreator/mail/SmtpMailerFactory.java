package dev.contentcreator.mail;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.Mailer;

/**
 * Makes the {@code smtp} mail adapter from {@code SMTP_HOST}, {@code SMTP_PORT}, {@code SMTP_SECURITY},
 * {@code SMTP_USER}, {@code SMTP_PASSWORD}, {@code SMTP_TIMEOUT} and {@code MAIL_FROM}.
 */
public final class SmtpMailerFactory implements PortFactory<Mailer> {
  @Override
  public Class<Mailer> port() {
    return Mailer.class;
  }

  @Override
  public String name() {
    return "smtp";
  }

  @Override
  public Mailer create(Config config) {
    return SmtpMailer.builder()
        .withHost(config.find(Settings.SMTP_HOST).orElse(null))
        .withPort(config.get(Settings.SMTP_PORT))
        .withSecurity(SmtpMailer.Security.parse(config.get(Settings.SMTP_SECURITY)))
        .withLogin(config.find(Settings.SMTP_USER).orElse(null), config.find(Settings.SMTP_PASSWORD).orElse(null))
        .withFrom(config.get(Settings.MAIL_FROM))
        .withTimeout(config.get(Settings.SMTP_TIMEOUT))
        .build();
  }
}
