package dev.contentcreator.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.Mail;
import dev.contentcreator.core.ports.Mailer;
import dev.contentcreator.testkit.MailerContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxMailerTest extends MailerContract {
  @TempDir Path folder;

  private OutboxMailer mailer;

  @Override
  protected Mailer mailer() {
    if (mailer == null) {
      mailer = new OutboxMailer(folder, FROM, Clock.systemUTC());
    }
    return mailer;
  }

  @Override
  protected List<byte[]> delivered(int expected) throws Exception {
    List<byte[]> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path p : files.sorted().toList()) {
        out.add(Files.readAllBytes(p));
      }
    }
    return out;
  }

  @Test
  void writesOneFileNamedForTheMailAndAgainOnARetry() throws Exception {
    mailer().send(Mail.text("retry-1", "a@example.test", "Once", "first"));
    mailer().send(Mail.text("retry-1", "a@example.test", "Once", "first"));
    assertEquals(List.of(folder.resolve("retry-1.eml")), Files.list(folder).toList());
  }

  @Test
  void listsTheMessagesNewestFirstWithTheirText() throws Exception {
    mailer().send(Mail.text("older", "a@example.test", "Older", "old text"));
    Files.setLastModifiedTime(folder.resolve("older.eml"), java.nio.file.attribute.FileTime.fromMillis(1_000));
    mailer().send(Mail.text("newer", "b@example.test", "Newer", "new text"));
    List<Mailer.Entry> entries = mailer().outbox().orElseThrow().list(10);
    assertEquals(List.of("newer", "older"), entries.stream().map(Mailer.Entry::id).toList());
    assertEquals("b@example.test", entries.get(0).to());
    assertEquals("Newer", entries.get(0).subject());
    assertEquals("new text", entries.get(0).text().strip());
    assertEquals(1, mailer().outbox().orElseThrow().list(1).size());
  }

  @Test
  void readsOneMessageRawAndNothingOutsideTheFolder() throws Exception {
    mailer().send(Mail.text("raw-1", "a@example.test", "Raw", "body"));
    assertTrue(new String(mailer().outbox().orElseThrow().read("raw-1").orElseThrow()).contains("Subject: Raw"));
    assertTrue(mailer().outbox().orElseThrow().read("../raw-1").isEmpty());
    assertTrue(mailer().outbox().orElseThrow().read("missing").isEmpty());
  }
}
