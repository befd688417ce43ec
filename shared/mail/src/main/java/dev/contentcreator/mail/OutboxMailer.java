package dev.contentcreator.mail;

import dev.contentcreator.core.ports.Mail;
import dev.contentcreator.core.ports.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The development mail adapter: each message becomes {@code <folder>/<id>.eml}, the RFC 822 text a
 * mail server would have carried (a retried send of the same message writes the same file). The
 * web app's development page lists the folder; nothing leaves the machine.
 */
public final class OutboxMailer implements Mailer, Mailer.Outbox {
  private static final String SUFFIX = ".eml";

  private final Path folder;
  private final InternetAddress from;
  private final Clock clock;
  private final Session session = Session.getInstance(new Properties());

  public OutboxMailer(Path folder, String from, Clock clock) {
    this.folder = Objects.requireNonNull(folder, "folder");
    this.from = MimeMessages.from(Objects.requireNonNull(from, "from"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void send(Mail mail) throws IOException {
    Files.createDirectories(folder);
    Path target = folder.resolve(mail.id() + SUFFIX);
    Path partial = Files.createTempFile(folder, mail.id(), ".part");
    try {
      try (OutputStream out = Files.newOutputStream(partial)) {
        MimeMessages.build(session, from, mail, clock.instant()).writeTo(out);
      } catch (MessagingException e) {
        throw new IOException("could not write the message " + mail.id(), e);
      }
      try {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  @Override
  public Optional<Outbox> outbox() {
    return Optional.of(this);
  }

  @Override
  public List<Entry> list(int limit) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted(Comparator.comparing(OutboxMailer::modified)
          .reversed().thenComparing(Comparator.naturalOrder())).limit(limit).toList();
    }
    List<Entry> entries = new ArrayList<>();
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        MimeMessage m = new MimeMessage(session, in);
        String name = f.getFileName().toString();
        Instant sent = m.getSentDate() != null ? m.getSentDate().toInstant() : modified(f);
        String to = m.getRecipients(MimeMessage.RecipientType.TO) == null ? ""
            : m.getRecipients(MimeMessage.RecipientType.TO)[0].toString();
        entries.add(new Entry(name.substring(0, name.length() - SUFFIX.length()), to,
            Objects.toString(m.getSubject(), ""), sent, MimeMessages.plainText(m)));
      } catch (MessagingException | IOException e) {
        // A file that is not a message (or is being replaced) is left out of the list.
      }
    }
    return entries;
  }

  @Override
  public Optional<byte[]> read(String id) throws IOException {
    if (id == null || !id.matches("[A-Za-z0-9_-]{1,100}")) {
      return Optional.empty();
    }
    Path f = folder.resolve(id + SUFFIX);
    return Files.isRegularFile(f) ? Optional.of(Files.readAllBytes(f)) : Optional.empty();
  }

  private static Instant modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }
}
