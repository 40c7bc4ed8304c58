package io.waymark.report;

import io.waymark.engine.history.Commit;
import io.waymark.report.pdf.FontChain;
import io.waymark.report.pdf.QbrPdf;
import io.waymark.report.template.TemplateFailure;
import io.waymark.report.template.Templates;
import io.waymark.report.text.WellFormedText;
import io.waymark.report.view.AdjustmentBase;
import io.waymark.report.view.DashboardSheet;
import io.waymark.report.view.QuarterlyReview;
import io.waymark.report.view.ReviewBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the reports of SPEC §6: {@code qbr-<quarter>.html}, {@code .pdf} and {@code .md}, {@code
 * dashboard.html} and the one stylesheet they link, {@code waymark.css}.
 */
public final class Reports {

  /** The stylesheet every HTML report links (and the PDF renderer reads from memory). */
  public static final String STYLESHEET = "waymark.css";

  public static final String DASHBOARD = "dashboard.html";

  /** The dashboard on one landscape A4 page (with {@link ReportInput#withDashboardPdf}). */
  public static final String DASHBOARD_PDF = "dashboard.pdf";

  /** The template of {@link #DASHBOARD_PDF}: the dashboard laid out for one landscape A4 sheet. */
  public static final String DASHBOARD_SHEET = "dashboard-sheet.ftlh";

  /** The environment variable that fixes the PDF's dates (reproducible builds). */
  public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

  private Reports() {}

  /** The name of the QBR file with {@code extension} ("html", "pdf", "md"). */
  public static String qbrFile(String quarterId, String extension) {
    return "qbr-" + quarterId + "." + extension;
  }

  /**
   * The commit whose tree shows the roadmap as it stood at the end of the quarter before {@code
   * quarter}: the newest commit on or before that day that changed the roadmap or metrics files
   * (read from the input's history, for the input's quarter). Validating that revision and
   * comparing it with today's plan ({@code PlanDiff.between}) gives the roadmap adjustments of the
   * review.
   */
  public static Optional<Commit> endOfPreviousQuarter(ReportInput input) {
    return AdjustmentBase.endOfPreviousQuarter(input.analyses(), input.quarter());
  }

  /**
   * The first commit of the plan's history when it starts after the quarter before {@code quarter}
   * ended (a roadmap first committed mid-quarter): the adjustments are then counted from it, so
   * that business cases and vendors changed since are listed too. Empty otherwise (see {@link
   * AdjustmentBase#startOfHistory}).
   */
  public static Optional<Commit> startOfHistory(ReportInput input) {
    return AdjustmentBase.startOfHistory(input.analyses(), input.quarter());
  }

  /** The view model alone (for tests and other front ends). */
  public static QuarterlyReview review(ReportInput input) {
    return ReviewBuilder.build(
        input.result(),
        input.quarter(),
        input.analyses(),
        input.diff(),
        input.uncommitted(),
        input.revision());
  }

  /**
   * Renders every report file in memory.
   *
   * @throws ReportException when a template or the PDF renderer fails; the message names the
   *     template and the line
   */
  public static RenderedReport render(ReportInput input) {
    Optional<String> config = input.result().configUnreadable();
    if (config.isPresent()) {
      throw new ReportException(
          config.get()
              + " could not be read (see its yaml-syntax finding): a review needs its as-of date,"
              + " currency and organisation; fix the file and run again");
    }
    if (input.pdf() || input.dashboardPdf()) {
      // the PDF's fonts load while the model and the templates are made
      QbrPdf.prepareAhead(FontChain.fromEnvironment());
    }
    QuarterlyReview review = review(input);
    Templates templates =
        input
            .repository()
            .map(Templates::forRepository)
            .orElseGet(Templates::bundled)
            .withLimits(input.limits());
    String quarter = input.quarter().id();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("review", review);
    model.put("stylesheet", STYLESHEET);
    model.put("qbrHtml", qbrFile(quarter, "html"));
    model.put("qbrPdf", qbrFile(quarter, "pdf"));
    model.put("qbrMarkdown", qbrFile(quarter, "md"));
    model.put("dashboard", DASHBOARD);
    model.put("withPdf", input.pdf());
    Map<String, byte[]> files = new LinkedHashMap<>();
    String html;
    PdfAhead qbrPdf = null;
    try {
      html = WellFormedText.of(templates.render("qbr.ftlh", model));
      files.put(qbrFile(quarter, "html"), utf8(html));
      files.put(STYLESHEET, utf8(templates.text(STYLESHEET)));
      if (input.pdf()) {
        // The PDF renders (on one core, for about a second cold) while the other templates do.
        qbrPdf = PdfAhead.start(html, Map.of(STYLESHEET, files.get(STYLESHEET)), input);
      }
      files.put(
          qbrFile(quarter, "md"), utf8(WellFormedText.of(templates.render("qbr.ftlmd", model))));
      files.put(DASHBOARD, utf8(WellFormedText.of(templates.render("dashboard.ftlh", model))));
    } catch (TemplateFailure e) {
      throw new ReportException(e.getMessage(), e);
    }
    Map<String, byte[]> ordered = new LinkedHashMap<>();
    ordered.put(STYLESHEET, files.remove(STYLESHEET));
    ordered.put(qbrFile(quarter, "html"), files.remove(qbrFile(quarter, "html")));
    ordered.putAll(files);
    if (!input.pdf() && !input.dashboardPdf()) {
      return new RenderedReport(ordered);
    }
    Instant date = pdfDate(input.result().asOf(), System.getenv(SOURCE_DATE_EPOCH));
    FontChain fonts = FontChain.fromEnvironment();
    Map<String, byte[]> css = Map.of(STYLESHEET, ordered.get(STYLESHEET));
    List<String> notes = new ArrayList<>();
    if (input.pdf()) {
      try {
        ordered.put(
            qbrFile(quarter, "pdf"),
            qbrPdf != null ? qbrPdf.join() : QbrPdf.render(html, css, date, fonts));
        fonts.note(html).ifPresent(notes::add);
      } catch (IOException | RuntimeException e) {
        throw new ReportException("the PDF of the QBR could not be rendered: " + e.getMessage(), e);
      }
    }
    if (input.dashboardPdf()) {
      String sheet = "";
      byte[] pdf = null;
      try {
        Optional<DashboardSheet> layout = Optional.of(DashboardSheet.FIRST);
        while (pdf == null && layout.isPresent()) {
          model.put("sheet", layout.get());
          sheet = WellFormedText.of(templates.render(DASHBOARD_SHEET, model));
          QbrPdf.Sheet fit = QbrPdf.renderSheet(sheet, css, date, fonts);
          pdf = fit.pdf().orElse(null);
          layout = layout.get().smaller(fit.overflowing());
        }
      } catch (TemplateFailure e) {
        throw new ReportException(e.getMessage(), e);
      } catch (IOException | RuntimeException e) {
        throw new ReportException(
            "the PDF of the dashboard could not be rendered: " + e.getMessage(), e);
      }
      if (pdf == null) {
        throw new ReportException(
            "the dashboard does not fit one page even with one item per list: shorten the texts of"
                + " templates/"
                + DASHBOARD_SHEET
                + " or render without --dashboard-pdf");
      }
      ordered.put(DASHBOARD_PDF, pdf);
      if (notes.isEmpty()) {
        fonts.note(sheet).ifPresent(notes::add);
      }
    }
    return new RenderedReport(ordered, notes);
  }

  /**
   * The creation and modification date of the PDF: {@code SOURCE_DATE_EPOCH} (seconds since 1970,
   * the reproducible-builds convention) when set, else the start of the status date in UTC; never
   * the time of the run, so that the same input gives the same bytes.
   *
   * @throws ReportException when {@code sourceDateEpoch} is set but not a number of seconds
   */
  static Instant pdfDate(LocalDate asOf, String sourceDateEpoch) {
    if (sourceDateEpoch == null || sourceDateEpoch.isBlank()) {
      return asOf.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.trim()));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw new ReportException(
          SOURCE_DATE_EPOCH
              + " is '"
              + sourceDateEpoch
              + "', not a number of seconds since 1970-01-01: set it to one (date +%s) or unset it",
          e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
