package io.waymark.engine;

/**
 * What was asked cannot be done as asked, and the user can fix it: a folder that does not exist or
 * is a symbolic link, a revision Git does not know, a folder outside Git where a revision was
 * named. The message is one line that says what and how to fix it; no stack trace is needed.
 */
public final class RequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RequestException(String message) {
    super(message);
  }
}
