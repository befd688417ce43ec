package dev.contentcreator.core.review;

import dev.contentcreator.core.domain.ReviewStatus;
import java.time.Instant;

/**
 * One change of a content item's review state ({@code reviews/<id>}): who, when, from what to what,
 * the note they left, the item's version number it concerned, and whether the product made it
 * ({@code automatic}: a new version of an approved item sent it back to draft).
 */
public record Review(String id, String projectId, String contentId, ReviewStatus from, ReviewStatus to, String note,
    String byUid, String byName, Instant at, int contentVersion, boolean automatic) {}
