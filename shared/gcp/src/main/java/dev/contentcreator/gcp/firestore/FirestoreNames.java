package dev.contentcreator.gcp.firestore;

import dev.contentcreator.core.ports.DocumentExistsException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

  /**
   * The exception for a commit Firestore refused because a created document exists: the one of
   * {@code creates} (collection and id pairs) that {@code failure}'s messages name (production
   * writes {@code .../documents/users/u1}, the emulator {@code path=/users/u1}), else the first.
   */
  static DocumentExistsException existing(Throwable failure, List<String[]> creates) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      for (String[] create : creates) {
        if (names(message, create[0], create[1])) {
          return new DocumentExistsException(create[0], create[1]);
        }
      }
    }
    if (creates.isEmpty()) {
      return new DocumentExistsException("(unknown)", "(unknown)");
    }
    return new DocumentExistsException(creates.get(0)[0], creates.get(0)[1]);
  }

  /** A builder's setting that must not be blank (the project, the database). */
  static String requireNotBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** {@code host:port} of the emulator. */
  static String requireEmulatorHost(String emulatorHost) {
    Objects.requireNonNull(emulatorHost, "emulatorHost");
    if (!emulatorHost.matches("[^\\s/:]+:[0-9]{1,5}")) {
      throw new IllegalArgumentException("emulatorHost must be host:port, got: " + emulatorHost);
    }
    return emulatorHost;
  }

  /** How many times a transaction may run: 1 to 100. */
  static int requireAttempts(int attempts) {
    if (attempts < 1 || attempts > 100) {
      throw new IllegalArgumentException("transactionAttempts must be within 1..100, got: " + attempts);
    }
    return attempts;
  }
}
