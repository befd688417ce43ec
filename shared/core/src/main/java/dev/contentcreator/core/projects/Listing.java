package dev.contentcreator.core.projects;

import java.util.List;

/** One page of a list answer: {@code {"items": [...], "nextCursor": "..." | null}}. */
public record Listing<T>(List<T> items, String nextCursor) {}
