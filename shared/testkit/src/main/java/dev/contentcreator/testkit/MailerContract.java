package dev.contentcreator.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.Mail;
import dev.contentcreator.core.ports.Mailer;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Mailer} adapter must show, read back from the RFC 822 text it
 * delivered: the recipient, the configured sender, a subject and body in any script, an HTML
 * alternative when given, a Message-ID made from the mail's id, one delivery per message, and
 * long links unbroken.
 *
 * <p>An adapter's test extends this class: {@link #mailer()} gives the adapter under test, sending
 * as {@link #FROM}, and {@link #delivered()} the raw messages it has delivered so far (waiting a
 * little where delivery is not immediate).
 */
public abstract class MailerContract {
  protected static final String FROM = "Studio Contract <studio@contract.test>";

  protected abstract Mailer mailer() throws Exception;

  /** Every message delivered since the test began, as raw RFC 822 bytes, oldest first. */
  protected abstract List<byte[]> delivered(int expected) throws Exception;

  private List<MimeMessage> received(int expected) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (byte[] raw : delivered(expected)) {
      out.add(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }
    return out;
  }

  private static String plain(MimeMessage m) throws Exception {
    Object content = m.getContent();
    if (content instanceof String s) {
      return s;
    }
    MimeMultipart multi = (MimeMultipart) content;
    for (int i = 0; i < multi.getCount(); i++) {
      if (multi.getBodyPart(i).isMimeType("text/plain")) {
        return (String) multi.getBodyPart(i).getContent();
      }
    }
    throw new AssertionError("no text/plain part");
  }

  @Test
  void deliversThePlainTextMessageToItsAddressFromTheSender() throws Exception {
    mailer().send(Mail.text("plain-1", "ana@example.test", "You were mentioned", "Open the item:\nhttps://app.test/x\n"));
    List<MimeMessage> got = received(1);
    assertEquals(1, got.size());
    MimeMessage m = got.get(0);
    assertEquals("ana@example.test", ((InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress());
    assertEquals("studio@contract.test", ((InternetAddress) m.getFrom()[0]).getAddress());
    assertEquals("You were mentioned", m.getSubject());
    assertEquals("Open the item:\nhttps://app.test/x", plain(m).replace("\r\n", "\n").strip());
    assertTrue(m.isMimeType("text/plain"), m.getContentType());
  }

  @Test
  void keepsSubjectAndBodyInAnyScript() throws Exception {
    String subject = "Grüße — コメント ✓";
    String body = "Zoë wrote: «très bien» — 好的 👍";
    mailer().send(Mail.text("script-1", "zoe@example.test", subject, body));
    MimeMessage m = received(1).get(0);
    assertEquals(subject, m.getSubject());
    assertEquals(body, plain(m).strip());
  }

  @Test
  void sendsTheHtmlBodyAsAnAlternativeToTheText() throws Exception {
    mailer().send(new Mail("html-1", "bo@example.test", "Reply", "plain words", "<p>rich <b>words</b></p>"));
    MimeMessage m = received(1).get(0);
    assertTrue(m.isMimeType("multipart/alternative"), m.getContentType());
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertEquals(2, parts.getCount());
    assertEquals("plain words", plain(m).strip());
    assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    assertEquals("<p>rich <b>words</b></p>", parts.getBodyPart(1).getContent().toString().strip());
  }

  @Test
  void namesTheMessageAfterTheMailId() throws Exception {
    mailer().send(Mail.text("id-one", "a@example.test", "One", "1"));
    mailer().send(Mail.text("id-two", "a@example.test", "Two", "2"));
    List<MimeMessage> got = received(2);
    assertEquals(2, got.size());
    List<String> ids = got.stream().map(MailerContract::messageId).sorted().toList();
    assertTrue(ids.get(0).startsWith("<id-one@"), ids.toString());
    assertTrue(ids.get(1).startsWith("<id-two@"), ids.toString());
    assertNotEquals(ids.get(0), ids.get(1));
  }

  @Test
  void keepsALongLinkWhole() throws Exception {
    String link = "https://app.test/projects/p1/contents/c1?comment=" + "a".repeat(300);
    mailer().send(Mail.text("link-1", "a@example.test", "Link", "Open " + link + " now"));
    String text = plain(received(1).get(0));
    assertTrue(text.contains(link), "the link was broken up: " + text);
  }

  @Test
  void refusesAHeaderInjectionBeforeSending() {
    assertThrows(IllegalArgumentException.class,
        () -> Mail.text("bad-1", "a@example.test", "Hi\r\nBcc: eve@example.test", "x"));
    assertThrows(IllegalArgumentException.class, () -> Mail.text("bad-2", "a@example.test\nBcc: e@x.test", "Hi", "x"));
  }

  private static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }
}
