package dev.contentcreator.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.Mail;
import dev.contentcreator.core.ports.Mailer;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MailServiceTest {
  private final List<TaskQueue.Task> queued = new ArrayList<>();
  private final Set<String> names = new HashSet<>();
  private final List<Mail> sent = new ArrayList<>();
  private Mailer mailer = sent::add;
  private final MailService mail = new MailService(() -> task -> names.add(task.name()) && queued.add(task),
      () -> mailer, MailSettings.of("https://studio.example/"), Clock.systemUTC());

  private void runQueued() throws Exception {
    TaskHandler h = MailService.handlers(() -> mail).get(MailService.HANDLER);
    for (TaskQueue.Task t : queued) {
      h.handle(new TaskHandler.Context(t.queue(), t.name(), 1, Instant.now()), t.payload());
    }
  }

  @Test
  void sendingQueuesATaskAndItsRunHandsTheSameMessageToTheMailer() throws Exception {
    Mail m = new Mail("m-1", "ana@example.com", "Hello", "text body", "<p>html</p>");
    assertTrue(mail.send(m));
    assertTrue(sent.isEmpty(), "nothing is sent inline");
    runQueued();
    assertEquals(List.of(m), sent);
  }

  @Test
  void theSameMessageIsQueuedOnce() {
    Mail m = Mail.text("m-2", "ana@example.com", "Hello", "x");
    assertTrue(mail.send(m));
    assertFalse(mail.send(m));
    assertEquals(1, queued.size());
  }

  @Test
  void aFailureIsRetriedAndARefusalForGoodIsDropped() throws Exception {
    mail.send(Mail.text("m-3", "ana@example.com", "Hello", "x"));
    mailer = m -> {
      throw new IOException("connection reset");
    };
    assertThrows(IOException.class, this::runQueued);
    mailer = m -> {
      throw new Mailer.RejectedException("550 no such user", null);
    };
    runQueued();
  }

  @Test
  void linksAreAbsoluteOnTheAppsAddress() {
    assertEquals("https://studio.example/projects/p/contents/c", mail.link("/projects/p/contents/c"));
    assertThrows(IllegalArgumentException.class, () -> mail.link("projects"));
    assertThrows(IllegalArgumentException.class, () -> MailSettings.of("ftp://x.example"));
    assertEquals("http://127.0.0.1:8080", MailSettings.from(dev.contentcreator.core.config.Config.of(java.util.Map.of()))
        .appUrl());
  }

  @Test
  void aQueueThatCannotTakeTheMessageIsLoggedNotThrownByTrySend() {
    MailService broken = new MailService(() -> task -> {
      throw new IllegalStateException("queue down");
    }, () -> mailer, MailSettings.of("https://studio.example"), Clock.systemUTC());
    broken.trySend(Mail.text("m-4", "ana@example.com", "Hello", "x"));
    assertThrows(IllegalStateException.class, () -> broken.send(Mail.text("m-5", "ana@example.com", "Hello", "x")));
  }
}
