package io.waymark.report;

/**
 * A report could not be rendered (a template failed, the PDF renderer refused the markup): nothing
 * was written. The message says which template and where.
 */
public final class ReportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ReportException(String message) {
    super(message);
  }

  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
