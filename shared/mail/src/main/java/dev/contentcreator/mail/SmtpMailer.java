package dev.contentcreator.mail;

import dev.contentcreator.core.ports.Mail;
import dev.contentcreator.core.ports.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * The production mail adapter: one SMTP conversation per message (Eclipse Angus Mail). Security:
 * {@code starttls} (the server must offer STARTTLS, and the certificate is checked), {@code tls}
 * (implicit TLS, port 465), or {@code none} for a relay on the same machine. A permanent (5xx)
 * refusal is a {@link Mailer.RejectedException}; anything else may be retried.
 */
public final class SmtpMailer implements Mailer {
  /** How the connection is protected. */
  public enum Security { STARTTLS, TLS, NONE;

    public static Security parse(String s) {
      try {
        return valueOf(Objects.requireNonNull(s, "security").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("SMTP_SECURITY must be starttls, tls or none, got: " + s, e);
      }
    }
  }

  private final Session session;
  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final InternetAddress from;
  private final Clock clock;

  private SmtpMailer(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.user = b.user;
    this.password = b.password;
    this.from = MimeMessages.from(b.from);
    this.clock = b.clock;
    String protocol = b.security == Security.TLS ? "smtps" : "smtp";
    Properties p = new Properties();
    p.put("mail.transport.protocol", protocol);
    String prefix = "mail." + protocol + ".";
    p.put(prefix + "host", host);
    p.put(prefix + "port", Integer.toString(port));
    String millis = Long.toString(b.timeout.toMillis());
    p.put(prefix + "connectiontimeout", millis);
    p.put(prefix + "timeout", millis);
    p.put(prefix + "writetimeout", millis);
    p.put(prefix + "auth", Boolean.toString(user != null));
    if (b.security == Security.STARTTLS) {
      p.put(prefix + "starttls.enable", "true");
      p.put(prefix + "starttls.required", "true");
    }
    if (b.security != Security.NONE) {
      p.put(prefix + "ssl.checkserveridentity", "true");
    }
    if (b.trustAll) {
      p.put(prefix + "ssl.trust", "*");
      p.put(prefix + "ssl.checkserveridentity", "false");
    }
    this.session = Session.getInstance(p);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void send(Mail mail) throws IOException {
    try {
      var message = MimeMessages.build(session, from, mail, clock.instant());
      try (Transport t = session.getTransport()) {
        t.connect(host, port, user, password);
        t.sendMessage(message, message.getAllRecipients());
      }
    } catch (SMTPAddressFailedException e) {
      throw permanentOr(e.getReturnCode(), e);
    } catch (SMTPSendFailedException e) {
      throw permanentOr(e.getReturnCode(), e);
    } catch (SendFailedException e) {
      if (e.getNextException() instanceof SMTPAddressFailedException a) {
        throw permanentOr(a.getReturnCode(), e);
      }
      throw new IOException("the SMTP server did not take the message: " + e.getMessage(), e);
    } catch (MessagingException e) {
      throw new IOException("could not send through " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  private static IOException permanentOr(int code, MessagingException e) {
    return code >= 500 && code < 600
        ? new RejectedException("the SMTP server refused the message for good (" + code + "): " + e.getMessage(), e)
        : new IOException("the SMTP server did not take the message now (" + code + "): " + e.getMessage(), e);
  }

  /** Builds an {@link SmtpMailer}; host and sender are required. */
  public static final class Builder {
    private String host;
    private int port = 587;
    private Security security = Security.STARTTLS;
    private String user;
    private String password;
    private String from;
    private Duration timeout = Duration.ofSeconds(30);
    private boolean trustAll;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder withHost(String host) {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("SMTP_HOST is required for MAILER=smtp");
      }
      this.host = host;
      return this;
    }

    public Builder withPort(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("SMTP_PORT must be 1 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    public Builder withSecurity(Security security) {
      this.security = Objects.requireNonNull(security, "security");
      return this;
    }

    /** The login; none when {@code user} is null. */
    public Builder withLogin(String user, String password) {
      if (user != null && password == null) {
        throw new IllegalArgumentException("SMTP_USER is set without SMTP_PASSWORD");
      }
      this.user = user;
      this.password = user == null ? null : password;
      return this;
    }

    public Builder withFrom(String from) {
      MimeMessages.from(Objects.requireNonNull(from, "from"));
      this.from = from;
      return this;
    }

    public Builder withTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("SMTP_TIMEOUT must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Trusts any certificate: for tests against a local server with a self-signed one only. */
    Builder trustingAnyCertificate() {
      this.trustAll = true;
      return this;
    }

    public Builder withClock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public SmtpMailer build() {
      if (host == null) {
        throw new IllegalArgumentException("SMTP_HOST is required for MAILER=smtp");
      }
      Objects.requireNonNull(from, "from");
      return new SmtpMailer(this);
    }
  }
}
