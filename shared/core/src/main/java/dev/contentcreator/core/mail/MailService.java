package dev.contentcreator.core.mail;

import com.google.gson.JsonObject;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.Mail;
import dev.contentcreator.core.ports.Mailer;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Sends e-mail without making anyone wait for a mail server: {@link #send} puts the message on
 * the task queue as a {@code send-mail} task named after the message (so asking twice sends once),
 * and the task's run hands it to the {@link Mailer}. A failure is retried by the queue with
 * backoff; a refusal for good (an address the server will never take) is logged and dropped.
 */
public final class MailService {
  public static final String HANDLER = "send-mail";
  /** Mail shares the queue every adapter and the tasks function already serve. */
  public static final String QUEUE = GenerationSettings.QUEUE;

  private final Supplier<TaskQueue> tasks;
  private final Supplier<Mailer> mailer;
  private final MailSettings settings;
  private final Clock clock;

  public MailService(Supplier<TaskQueue> tasks, Supplier<Mailer> mailer, MailSettings settings, Clock clock) {
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.mailer = Objects.requireNonNull(mailer, "mailer");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The task handlers of mail, by name, for the local queue and the tasks function. */
  public static Map<String, TaskHandler> handlers(Supplier<MailService> mail) {
    Objects.requireNonNull(mail, "mail");
    return Map.of(HANDLER, (context, payload) -> mail.get().deliver(context, payload));
  }

  /** The absolute address of a web app path, for the body of a message. */
  public String link(String path) {
    return settings.link(path);
  }

  /**
   * Queues the message; returns whether this call queued it (false: the same message was queued
   * before). Throws when the queue cannot take it; callers that must not fail catch and log.
   */
  public boolean send(Mail mail) {
    JsonObject payload = new JsonObject();
    payload.addProperty("id", mail.id());
    payload.addProperty("to", mail.to());
    payload.addProperty("subject", mail.subject());
    payload.addProperty("text", mail.text());
    if (mail.html() != null) {
      payload.addProperty("html", mail.html());
    }
    return tasks.get().enqueue(new TaskQueue.Task(QUEUE, "mail-" + mail.id(), HANDLER, payload, clock.instant()));
  }

  /** Queues the message, logging instead of throwing: for mail that must never fail the request it follows. */
  public void trySend(Mail mail) {
    try {
      send(mail);
    } catch (RuntimeException e) {
      Log.error("could not queue the e-mail " + mail.id() + "; it is not sent", e);
    }
  }

  /** Text made safe to put in an HTML body or attribute. */
  public static String escapeHtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  void deliver(TaskHandler.Context context, JsonObject payload) throws Exception {
    Mail mail = new Mail(payload.get("id").getAsString(), payload.get("to").getAsString(),
        payload.get("subject").getAsString(), payload.get("text").getAsString(),
        payload.has("html") ? payload.get("html").getAsString() : null);
    try {
      mailer.get().send(mail);
    } catch (Mailer.RejectedException e) {
      Log.warning("the mail server refused the e-mail " + mail.id() + " for good; it is dropped", e);
    }
  }
}
