package io.waymark.engine.history;

/** A revision name that resolves to no commit, or no Git repository to resolve it in. */
public final class UnknownRevisionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownRevisionException(String message) {
    super(message);
  }
}
