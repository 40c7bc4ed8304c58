package io.waymark.report.template;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import freemarker.template.utility.StringUtil;
import io.waymark.report.text.BidiControls;
import java.io.IOException;
import java.io.Writer;

/**
 * The output format of {@code .ftlh} templates: FreeMarker's HTML escaping, with the
 * bidirectional-text controls of a value shown as U+FFFD ({@link BidiControls}), so that a roadmap
 * text cannot reorder the words the report writes after it. It takes the place of the standard
 * "HTML" format, by its name.
 */
public final class HtmlOutputFormat extends CommonMarkupOutputFormat<HtmlOutputFormat.Html> {

  public static final HtmlOutputFormat INSTANCE = new HtmlOutputFormat();

  private HtmlOutputFormat() {}

  /** HTML markup inside a template (the result of {@code ?no_esc} or a macro). */
  public static final class Html extends CommonTemplateMarkupOutputModel<Html> {
    Html(String plainTextContent, String markupContent) {
      super(plainTextContent, markupContent);
    }

    @Override
    public HtmlOutputFormat getOutputFormat() {
      return INSTANCE;
    }
  }

  @Override
  public String getName() {
    return "HTML";
  }

  @Override
  public String getMimeType() {
    return "text/html";
  }

  @Override
  public void output(String textToEsc, Writer out) throws IOException {
    StringUtil.XHTMLEnc(BidiControls.replaced(textToEsc), out);
  }

  @Override
  public String escapePlainText(String plainTextContent) {
    return StringUtil.XHTMLEnc(BidiControls.replaced(plainTextContent));
  }

  /** As FreeMarker's HTML format: the legacy escaping built-ins would escape twice. */
  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return builtInName.equals("html") || builtInName.equals("xml") || builtInName.equals("xhtml");
  }

  @Override
  protected Html newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
    return new Html(plainTextContent, markupContent);
  }
}
