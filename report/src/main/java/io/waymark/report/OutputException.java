package io.waymark.report;

import java.io.IOException;

/**
 * A file could not be written, or was refused because a symbolic link was in the way. The message
 * is one complete sentence that names the path and the cause ("cannot write out/waymark.json: no
 * space left on device").
 */
public final class OutputException extends IOException {

  private static final long serialVersionUID = 1L;

  public OutputException(String message) {
    super(message);
  }

  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
