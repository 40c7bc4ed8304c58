package io.waymark.report.template;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import io.waymark.report.text.MarkdownText;
import java.io.IOException;
import java.io.Writer;

/**
 * The output format of {@code .ftlmd} templates: every interpolated value is escaped with {@link
 * MarkdownText#escape}, so a roadmap text is literal in the Markdown report, as HTML auto-escaping
 * makes it literal in the HTML.
 */
public final class MarkdownOutputFormat
    extends CommonMarkupOutputFormat<MarkdownOutputFormat.Markdown> {

  public static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

  private MarkdownOutputFormat() {}

  /** Markdown markup inside a template (the result of {@code ?no_esc} or a macro). */
  public static final class Markdown extends CommonTemplateMarkupOutputModel<Markdown> {
    Markdown(String plainTextContent, String markupContent) {
      super(plainTextContent, markupContent);
    }

    @Override
    public MarkdownOutputFormat getOutputFormat() {
      return INSTANCE;
    }
  }

  @Override
  public String getName() {
    return "Markdown";
  }

  @Override
  public String getMimeType() {
    return "text/markdown";
  }

  @Override
  public void output(String textToEsc, Writer out) throws IOException {
    out.write(MarkdownText.escape(textToEsc));
  }

  @Override
  public String escapePlainText(String plainTextContent) {
    return MarkdownText.escape(plainTextContent);
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return false;
  }

  @Override
  protected Markdown newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
    return new Markdown(plainTextContent, markupContent);
  }
}
