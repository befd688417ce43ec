package dev.contentcreator.core.domain;

import java.time.Instant;

/**
 * One entry of a person's inbox ({@code uid}): what {@code actor} did ({@code kind}, a short
 * {@code text}) in a project, and what it is about ({@code target}: a content item, a comment, the
 * web app's path to it).
 */
public record Notification(
    String id,
    String uid,
    String projectId,
    String kind,
    Actor actor,
    Target target,
    String text,
    boolean read,
    Instant createdAt) {

  /** Who acted. */
  public record Actor(String uid, String name) {}

  /** What the entry is about; {@code link} is a path of the web app, such as {@code /projects/p/contents/c}. */
  public record Target(String contentId, String commentId, String link) {}
}
