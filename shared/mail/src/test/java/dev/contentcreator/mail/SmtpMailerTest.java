package dev.contentcreator.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.ports.Mail;
import dev.contentcreator.core.ports.Mailer;
import dev.contentcreator.testkit.MailerContract;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMTP adapter against GreenMail, a real SMTP server on a local port. */
class SmtpMailerTest extends MailerContract {
  private GreenMail server;
  private int port;

  @BeforeEach
  void start() throws IOException {
    port = freePort();
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.setUser("studio", "s3cret");
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Override
  protected Mailer mailer() {
    return SmtpMailer.builder().withHost("127.0.0.1").withPort(port).withSecurity(SmtpMailer.Security.NONE)
        .withFrom(FROM).withTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  protected List<byte[]> delivered(int expected) throws Exception {
    server.waitForIncomingEmail(5_000, expected);
    List<byte[]> out = new ArrayList<>();
    for (MimeMessage m : server.getReceivedMessages()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      m.writeTo(bytes);
      out.add(bytes.toByteArray());
    }
    return out;
  }

  @Test
  void logsInWhenALoginIsSet() throws Exception {
    SmtpMailer.builder().withHost("127.0.0.1").withPort(port).withSecurity(SmtpMailer.Security.NONE)
        .withLogin("studio", "s3cret").withFrom(FROM).withTimeout(Duration.ofSeconds(5)).build()
        .send(Mail.text("login-1", "a@example.test", "Hi", "x"));
    assertEquals(1, delivered(1).size());
  }

  @Test
  void refusesToSendInClearWhenStartTlsIsRequiredAndNotOffered() {
    Mailer strict = SmtpMailer.builder().withHost("127.0.0.1").withPort(port)
        .withSecurity(SmtpMailer.Security.STARTTLS).withFrom(FROM).withTimeout(Duration.ofSeconds(5)).build();
    IOException e = assertThrows(IOException.class, () -> strict.send(Mail.text("tls-1", "a@example.test", "Hi", "x")));
    assertFalse(e instanceof Mailer.RejectedException);
    assertEquals(0, server.getReceivedMessages().length);
  }

  @Test
  void sendsOverImplicitTls() throws Exception {
    int tlsPort = freePort();
    GreenMail tls = new GreenMail(new ServerSetup(tlsPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
    tls.start();
    try {
      SmtpMailer.builder().withHost("127.0.0.1").withPort(tlsPort).withSecurity(SmtpMailer.Security.TLS)
          .trustingAnyCertificate().withFrom(FROM).withTimeout(Duration.ofSeconds(5)).build()
          .send(Mail.text("tls-2", "a@example.test", "Over TLS", "secret words"));
      assertTrue(tls.waitForIncomingEmail(5_000, 1));
      assertEquals("Over TLS", tls.getReceivedMessages()[0].getSubject());
    } finally {
      tls.stop();
    }
  }

  @Test
  void aServerThatIsDownIsAFailureToRetryNotARefusal() throws Exception {
    int closed = freePort();
    Mailer m = SmtpMailer.builder().withHost("127.0.0.1").withPort(closed).withSecurity(SmtpMailer.Security.NONE)
        .withFrom(FROM).withTimeout(Duration.ofSeconds(2)).build();
    IOException e = assertThrows(IOException.class, () -> m.send(Mail.text("down-1", "a@example.test", "Hi", "x")));
    assertFalse(e instanceof Mailer.RejectedException);
  }

  @Test
  void theFactoryNeedsAHostAndAKnownSecurity() {
    SmtpMailerFactory f = new SmtpMailerFactory();
    assertThrows(IllegalArgumentException.class, () -> f.create(Config.of(Map.of())));
    assertThrows(IllegalArgumentException.class,
        () -> f.create(Config.of(Map.of("SMTP_HOST", "mail.test", "SMTP_SECURITY", "ssl3"))));
    assertThrows(IllegalArgumentException.class,
        () -> f.create(Config.of(Map.of("SMTP_HOST", "mail.test", "SMTP_USER", "u"))));
    assertTrue(f.create(Config.of(Map.of("SMTP_HOST", "mail.test"))) instanceof SmtpMailer);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
