package io.waymark.cli;

/**
 * A problem the user can fix (bad folder, bad option value): printed without a stack trace, exit 2.
 */
public final class UserError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UserError(String message) {
    super(message);
  }
}
