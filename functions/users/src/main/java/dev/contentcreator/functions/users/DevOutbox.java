package dev.contentcreator.functions.users;

import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.domain.Emails;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.ports.Mailer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code GET /api/dev/outbox}: the messages of the development outbox ({@code MAILER=outbox}),
 * newest first, so a developer reads the e-mail the product sent. Any other mailer answers 404: the
 * route does not exist in production. With the Auth emulator anyone may sign in as anyone, so
 * every message is listed; with real sign-in, only those addressed to the caller's own address.
 */
final class DevOutbox {
  private DevOutbox() {}

  static List<Mailer.Entry> list(Platform platform, Caller caller, int limit) {
    if (!"outbox".equals(platform.config().get(Settings.MAILER))) {
      throw ApiException.notFound("There is no development outbox here: mail goes to a real server.");
    }
    Mailer.Outbox outbox = platform.mailer().outbox()
        .orElseThrow(() -> ApiException.notFound("There is no development outbox here."));
    boolean emulator = platform.config().find(Settings.FIREBASE_AUTH_EMULATOR_HOST).isPresent();
    String mine = caller.email() == null ? null : Emails.normalise(caller.email());
    try {
      return outbox.list(emulator ? limit : 1_000).stream()
          .filter(e -> emulator || mine != null && mine.equalsIgnoreCase(e.to()))
          .limit(limit).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the outbox", e);
    }
  }
}
