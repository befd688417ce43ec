package dev.contentcreator.core.live;

import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who is viewing a content item: one document per person and item ({@code presence/<contentId>_<uid>}),
 * written when their live view opens and again every heartbeat, and removed when it closes unless a
 * newer view of theirs (another tab) has taken it over. A view that ended without closing (a crashed
 * instance) is left out once its last heartbeat is older than {@link #STALE}, and its document is
 * replaced the next time that person views the item, or purged with the item.
 */
public final class Presence {
  public static final String COLLECTION = "presence";
  /** A viewer whose last heartbeat is older than this is no longer counted. */
  static final Duration STALE = Duration.ofSeconds(45);
  /** How often an open view says it is still there. */
  static final Duration HEARTBEAT = Duration.ofSeconds(15);
  /** At most this many viewers are listed (oldest first). */
  static final int MAX_LISTED = 50;

  /** One viewer, as the stream sends them. */
  public record Viewer(String uid, String name) {}

  private final DocumentStore documents;

  Presence(DocumentStore documents) {
    this.documents = Objects.requireNonNull(documents, "documents");
  }

  static String documentId(String contentId, String uid) {
    return contentId + "_" + uid;
  }

  /** Says that {@code viewer} views the item through the view {@code viewId}, now. */
  void here(String projectId, String contentId, Viewer viewer, String viewId, Instant now) {
    JsonObject d = new JsonObject();
    d.addProperty("projectId", projectId);
    d.addProperty("contentId", contentId);
    d.addProperty("uid", viewer.uid());
    d.addProperty("name", viewer.name());
    d.addProperty("viewId", viewId);
    d.addProperty("seenAt", now.toString());
    documents.set(COLLECTION, documentId(contentId, viewer.uid()), d);
  }

  /** Ends the view {@code viewId}: the person's document goes, unless a later view of theirs wrote it since. */
  void gone(String contentId, String uid, String viewId) {
    String id = documentId(contentId, uid);
    documents.transaction(tx -> {
      tx.get(COLLECTION, id).filter(d -> viewId.equals(d.data().get("viewId").getAsString()))
          .ifPresent(d -> tx.delete(COLLECTION, id));
      return null;
    });
  }

  /** The people viewing the item, each once, whose last heartbeat is recent. */
  List<Viewer> viewers(String contentId, Instant now) {
    Instant since = now.minus(STALE);
    Map<String, Viewer> out = new LinkedHashMap<>();
    for (Document d : documents.query(Query.on(COLLECTION).whereEqualTo("contentId", contentId).limit(Query.MAX_LIMIT)
        .build()).items()) {
      JsonObject o = d.data();
      if (Instant.parse(o.get("seenAt").getAsString()).isBefore(since) || out.size() >= MAX_LISTED) {
        continue;
      }
      String uid = o.get("uid").getAsString();
      out.putIfAbsent(uid, new Viewer(uid, o.get("name").getAsString()));
    }
    return new ArrayList<>(out.values());
  }
}
