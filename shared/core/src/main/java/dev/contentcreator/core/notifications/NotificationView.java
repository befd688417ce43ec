package dev.contentcreator.core.notifications;

import dev.contentcreator.core.domain.Notification;
import java.time.Instant;

/** A notification as the API shows it ({@code Notification} in docs/openapi.yaml). */
public record NotificationView(String id, String projectId, String kind, Notification.Actor actor,
    Notification.Target target, String text, boolean read, Instant createdAt) {

  static NotificationView of(Notification n) {
    return new NotificationView(n.id(), n.projectId(), n.kind(), n.actor(), n.target(), n.text(), n.read(),
        n.createdAt());
  }
}
