package dev.contentcreator.gcp.firestore;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What both Firestore document stores check of collections and ids before asking Firestore, and how
 * they find a document's path in Firestore's error messages. Firestore's own rules for ids, so that
 * a bad id is the caller's error at once and never a failed round trip.
 */
final class FirestoreNames {
  private static final Pattern COLLECTION = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final int MAX_ID_BYTES = 1500;

  private FirestoreNames() {}

  static String requireCollection(String collection) {
    Objects.requireNonNull(collection, "collection");
    if (!COLLECTION.matcher(collection).matches()) {
      throw new IllegalArgumentException("collection must be lower-case letters, digits and _, got: " + collection);
    }
    return collection;
  }

  /** Firestore's rules for an id: not empty, no '/', not '.' or '..', not __reserved__, at most 1500 bytes. */
  static String requireId(String id) {
    Objects.requireNonNull(id, "id");
    boolean reserved = id.length() >= 4 && id.startsWith("__") && id.endsWith("__");
    if (id.isEmpty() || id.indexOf('/') >= 0 || id.equals(".") || id.equals("..") || reserved
        || id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
      throw new IllegalArgumentException("document id must be 1 to " + MAX_ID_BYTES + " bytes with no '/', and not "
          + "'.', '..' or __reserved__; got: '" + id + "'");
    }
    return id;
  }

  /** Whether {@code message} holds the path {@code /collection/id}, and not merely a longer id. */
  static boolean names(String message, String collection, String id) {
    String path = "/" + collection + "/" + id;
    for (int at = message.indexOf(path); at >= 0; at = message.indexOf(path, at + 1)) {
      int after = at + path.length();
      if (after == message.length() || " ,}\"'\n".indexOf(message.charAt(after)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
