package io.waymark.report;

import io.waymark.engine.Analyses;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.diff.PlanDiff;
import io.waymark.engine.history.PlanHistory;
import io.waymark.report.template.RenderLimits;
import io.waymark.report.view.Quarter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report is rendered from.
 *
 * @param result the validation of the roadmap repository (plan, findings, insights, as-of date)
 * @param quarter the quarter under review
 * @param analyses the engine's plan and history analyses (slips, overdue and at-risk milestones,
 *     adjustments since a date) over the roadmap and metrics files at every commit that changed
 *     them (trend lines, slip history, roadmap adjustments); their history is empty without Git
 * @param diff the plan compared with the roadmap repository at the end of the previous quarter (the
 *     revision of its last commit then), for the roadmap adjustments; when empty they are read from
 *     {@code analyses}
 * @param repository the repository folder, whose own {@code templates/} folder overrides the
 *     bundled templates; empty for the bundled templates only
 * @param pdf whether to render the PDF (the slow part)
 * @param revision which state of the repository the report reflects ("commit 1a2b3c4 of 31 March
 *     2027", "the working tree with uncommitted changes"), stated in the report; empty without Git
 * @param limits the bounds of each template run (time, output size, nesting)
 * @param uncommitted a work tree's changes against {@code HEAD} (then {@code diff} compares the
 *     previous quarter with {@code HEAD}), listed in the adjustments as "not yet committed"
 * @param dashboardPdf whether to render the dashboard as a one-page landscape PDF too (only with
 *     {@code pdf})
 */
public record ReportInput(
    ValidationResult result,
    Quarter quarter,
    Analyses analyses,
    Optional<PlanDiff> diff,
    Optional<Path> repository,
    boolean pdf,
    String revision,
    RenderLimits limits,
    Optional<PlanDiff> uncommitted,
    boolean dashboardPdf) {

  public ReportInput {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(quarter, "quarter");
    Objects.requireNonNull(analyses, "analyses");
    Objects.requireNonNull(diff, "diff");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(uncommitted, "uncommitted");
  }

  /**
   * The quarter containing the as-of date, the analyses of the history the validation was judged
   * with ({@link ValidationResult#analyses()}: empty without Git), bundled templates, with the PDF.
   */
  public static ReportInput of(ValidationResult result) {
    return new ReportInput(
        result,
        Quarter.containing(result.asOf()),
        result.analyses(),
        Optional.empty(),
        Optional.empty(),
        true,
        "",
        RenderLimits.defaults(),
        Optional.empty(),
        false);
  }

  public ReportInput withQuarter(Quarter q) {
    return new ReportInput(
        result, q, analyses, diff, repository, pdf, revision, limits, uncommitted, dashboardPdf);
  }

  /** The history the report reads (its trends, re-plans and adjustments). */
  public PlanHistory history() {
    return analyses.history();
  }

  /**
   * The report read from {@code h} instead: the engine's analyses of the plan over that history.
   */
  public ReportInput withHistory(PlanHistory h) {
    return new ReportInput(
        result,
        quarter,
        Analyses.of(h, result.plan(), result.asOf()),
        diff,
        repository,
        pdf,
        revision,
        limits,
        uncommitted,
        dashboardPdf);
  }

  public ReportInput withDiff(PlanDiff d) {
    return new ReportInput(
        result,
        quarter,
        analyses,
        Optional.of(d),
        repository,
        pdf,
        revision,
        limits,
        uncommitted,
        dashboardPdf);
  }

  /** Templates from {@code folder}'s own {@code templates/} folder win over the bundled ones. */
  public ReportInput withRepository(Path folder) {
    return new ReportInput(
        result,
        quarter,
        analyses,
        diff,
        Optional.of(folder),
        pdf,
        revision,
        limits,
        uncommitted,
        dashboardPdf);
  }

  /** The revision the report reflects, stated in it ("commit 1a2b3c4 of 31 March 2027"). */
  public ReportInput withRevision(String text) {
    return new ReportInput(
        result, quarter, analyses, diff, repository, pdf, text, limits, uncommitted, dashboardPdf);
  }

  /** Each template run within {@code bounds} instead of {@link RenderLimits#defaults()}. */
  public ReportInput withLimits(RenderLimits bounds) {
    return new ReportInput(
        result,
        quarter,
        analyses,
        diff,
        repository,
        pdf,
        revision,
        bounds,
        uncommitted,
        dashboardPdf);
  }

  /**
   * The work tree's changes against {@code HEAD}; {@code diff} must then compare the previous
   * quarter with {@code HEAD}, not with the work tree.
   */
  public ReportInput withUncommitted(PlanDiff d) {
    return new ReportInput(
        result,
        quarter,
        analyses,
        diff,
        repository,
        pdf,
        revision,
        limits,
        Optional.of(d),
        dashboardPdf);
  }

  public ReportInput withPdf(boolean render) {
    return new ReportInput(
        result,
        quarter,
        analyses,
        diff,
        repository,
        render,
        revision,
        limits,
        uncommitted,
        dashboardPdf);
  }

  /**
   * Renders the dashboard as a one-page landscape A4 PDF too ({@code dashboard.pdf}), with the PDF.
   */
  public ReportInput withDashboardPdf(boolean render) {
    return new ReportInput(
        result, quarter, analyses, diff, repository, pdf, revision, limits, uncommitted, render);
  }
}
