package dev.contentcreator.mail;

import dev.contentcreator.core.ports.Mail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/** Builds the RFC 822 message of a {@link Mail}: plain text, or plain text and HTML as alternatives. */
final class MimeMessages {
  private MimeMessages() {}

  /** The sender, checked once when an adapter is made. */
  static InternetAddress from(String from) {
    try {
      InternetAddress address = new InternetAddress(from, true);
      address.validate();
      return address;
    } catch (AddressException e) {
      throw new IllegalArgumentException("MAIL_FROM is not an e-mail address: " + from, e);
    }
  }

  static MimeMessage build(Session session, InternetAddress from, Mail mail, Instant now) throws MessagingException {
    String messageId = "<" + mail.id() + "@" + domain(from) + ">";
    MimeMessage m = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        // The id names the message, so a retried send carries the same Message-ID.
        setHeader("Message-ID", messageId);
      }
    };
    m.setFrom(from);
    m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
    m.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    m.setSentDate(Date.from(now));
    m.setHeader("Auto-Submitted", "auto-generated");
    if (mail.html() == null) {
      m.setText(mail.text(), StandardCharsets.UTF_8.name());
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.text(), StandardCharsets.UTF_8.name());
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
      MimeMultipart alternatives = new MimeMultipart("alternative", text, html);
      m.setContent(alternatives);
    }
    m.saveChanges();
    return m;
  }

  private static String domain(InternetAddress from) {
    String a = from.getAddress();
    return a.substring(a.indexOf('@') + 1);
  }

  /** The plain-text body of a message this class built (or any simple one). */
  static String plainText(MimeMessage m) throws MessagingException, java.io.IOException {
    Object content = m.getContent();
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof MimeMultipart multi) {
      for (int i = 0; i < multi.getCount(); i++) {
        if (multi.getBodyPart(i).isMimeType("text/plain")) {
          return multi.getBodyPart(i).getContent().toString();
        }
      }
    }
    return "";
  }
}
