package dev.contentcreator.core.notifications;

import dev.contentcreator.core.domain.ContentItem;
import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.Notification;
import dev.contentcreator.core.domain.ReviewStatus;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.review.Review;
import dev.contentcreator.core.review.ReviewListener;
import dev.contentcreator.core.review.ReviewService;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Tells people of review moves. An item sent for review asks the project's owners and named
 * reviewers ({@code review_request}); an item approved, sent back with changes asked for, or taken
 * back to draft tells its creator and whoever last sent it for review ({@code status_change}).
 * Nobody is told of their own move; each entry links to the item.
 */
public final class ReviewNotifications implements ReviewListener {
  private final DocumentStore documents;
  private final NotificationService notifications;

  public ReviewNotifications(DocumentStore documents, NotificationService notifications) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.notifications = Objects.requireNonNull(notifications, "notifications");
  }

  @Override
  public void moved(ContentItem before, ReviewStatus to, Member by, String note) {
    try {
      Set<String> told = to == ReviewStatus.IN_REVIEW ? reviewers(before.projectId()) : authors(before);
      String title = "\u201c" + before.title() + "\u201d";
      String text = switch (to) {
        case IN_REVIEW -> by.shownName() + " asks you to review " + title + ".";
        case APPROVED -> by.shownName() + " approved " + title + ".";
        case CHANGES_REQUESTED -> by.shownName() + " asked for changes to " + title
            + (note == null || note.isBlank() ? "." : ": " + note);
        case DRAFT -> by.shownName() + " took " + title + " back to draft.";
      };
      notifications.notify(told, to == ReviewStatus.IN_REVIEW ? NotificationKind.REVIEW_REQUEST
              : NotificationKind.STATUS_CHANGE, new Notification.Actor(by.uid(), by.shownName()), before.projectId(),
          new Notification.Target(before.id(), null, "/projects/" + before.projectId() + "/contents/" + before.id()),
          text);
    } catch (RuntimeException e) {
      Log.error("could not tell people of the review of " + before.id(), e);
    }
  }

  /** The project's owners and named reviewers: who may approve. */
  private Set<String> reviewers(String projectId) {
    Set<String> out = new LinkedHashSet<>();
    documents.query(Query.on(ProjectService.MEMBERS).whereEqualTo("projectId", projectId)
        .limit(ProjectService.MAX_MEMBERS).build()).items().stream()
        .map(d -> Json.fromTree(d.data(), Member.class))
        .filter(m -> m.role() == Role.OWNER || m.reviewer())
        .forEach(m -> out.add(m.uid()));
    return out;
  }

  /** The item's creator and whoever last sent it for review. */
  private Set<String> authors(ContentItem item) {
    Set<String> out = new LinkedHashSet<>();
    if (item.createdBy() != null) {
      out.add(item.createdBy());
    }
    documents.query(Query.on(ReviewService.REVIEWS).whereEqualTo("contentId", item.id())
        .orderBy("at", Query.Direction.DESCENDING).limit(20).build()).items().stream()
        .map(d -> Json.fromTree(d.data(), Review.class)).filter(r -> r.to() == ReviewStatus.IN_REVIEW)
        .findFirst().ifPresent(r -> out.add(r.byUid()));
    return out;
  }
}
