package dev.contentcreator.core.ports;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The mail port: sends one e-mail message. Adapters: a folder outbox on one machine (each message
 * an RFC 822 {@code .eml} file, readable on the web app's development page), SMTP in production.
 * Every adapter passes {@code MailerContract}. Callers do not send inline: the mail service puts
 * each message on the task queue, whose retries cover a slow or failing server.
 */
public interface Mailer {

  /**
   * Sends the message. Throws {@link RejectedException} when the server refused it for good (an
   * address it will never take), which retrying cannot help; any other failure is worth a retry.
   */
  void send(Mail mail) throws IOException;

  /** The messages this adapter kept, when it is the development outbox; empty for a real server. */
  default Optional<Outbox> outbox() {
    return Optional.empty();
  }

  /** The development outbox's messages, newest first. */
  interface Outbox {
    List<Entry> list(int limit) throws IOException;

    /** The raw RFC 822 text of one message, by its id. */
    Optional<byte[]> read(String id) throws IOException;
  }

  /** One kept message, as the outbox page lists it. */
  record Entry(String id, String to, String subject, Instant sentAt, String text) {}

  /** A refusal that no retry can change (such as an SMTP 5xx answer to the recipient). */
  final class RejectedException extends IOException {
    private static final long serialVersionUID = 1L;

    public RejectedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
