package dev.contentcreator.core.http;

/** {@link Authenticator#none()}: lets anyone in, as {@link Principal.Anonymous}, asking nothing. */
enum OpenAccess implements Authenticator {
  INSTANCE;

  private static final Principal ANONYMOUS = new Principal.Anonymous();

  @Override
  public Principal authenticate(Headers headers) {
    return ANONYMOUS;
  }

  @Override
  public boolean isOpen() {
    return true;
  }
}
