package dev.contentcreator.gcp.firestore;

/** Firestore failed to read or write: unreachable, refused, or out of transaction attempts. */
public class FirestoreStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FirestoreStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
