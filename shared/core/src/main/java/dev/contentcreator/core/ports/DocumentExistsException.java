package dev.contentcreator.core.ports;

/** A create met a document that already exists. */
public final class DocumentExistsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DocumentExistsException(String collection, String id) {
    super("document already exists: " + collection + "/" + id);
  }
}
