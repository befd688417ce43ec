package dev.contentcreator.core.ports;

import java.util.List;

/** One page of a query: its documents and the cursor of the next page, or null at the end. */
public record Page(List<Document> items, String nextCursor) {
  public Page {
    items = List.copyOf(items);
  }
}
