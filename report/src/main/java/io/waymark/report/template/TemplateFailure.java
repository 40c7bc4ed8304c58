package io.waymark.report.template;

/** A template is missing, does not parse or failed while rendering; nothing was written. */
public final class TemplateFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TemplateFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
