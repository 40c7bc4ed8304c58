package io.waymark.cli;

import io.waymark.engine.Checkout;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.history.Commit;
import io.waymark.git.GitProblem;
import io.waymark.report.RenderedReport;
import io.waymark.report.ReportException;
import io.waymark.report.ReportInput;
import io.waymark.report.Reports;
import io.waymark.report.template.RenderLimits;
import io.waymark.report.text.Wording;
import io.waymark.report.view.Quarter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The quarterly business review and dashboard of one validation, rendered in memory: what {@code
 * waymark report} and {@code waymark ci} write.
 */
final class QuarterlyReports {

  private QuarterlyReports() {}

  /**
   * @param target the repository state {@code result} judged (the earlier plans are read from it):
   *     a commit, or a work tree with uncommitted changes on top of one (then the adjustments list
   *     those changes as "not yet committed")
   * @param result its validation, whose history (read once) gives trend lines and adjustments
   * @param asked the quarter to review; empty for the quarter of the as-of date
   * @param dir the repository folder, whose {@code templates/} override the bundled ones
   * @param pdf whether to write the QBR's PDF
   * @param dashboardPdf whether to write the dashboard on one landscape page ({@code
   *     dashboard.pdf})
   * @param limits the bounds of each template run
   * @throws UserError when a template fails (nothing is rendered then)
   */
  static RenderedReport render(
      Checkout target,
      ValidationResult result,
      Optional<Quarter> asked,
      Path dir,
      boolean pdf,
      boolean dashboardPdf,
      RenderLimits limits)
      throws IOException {
    Quarter q = asked.orElseGet(() -> Quarter.containing(result.asOf()));
    ReportInput input =
        ReportInput.of(result)
            .withQuarter(q)
            .withRepository(dir)
            .withPdf(pdf)
            .withDashboardPdf(dashboardPdf)
            .withRevision(GitOptions.text(target.state()))
            .withLimits(limits);
    ReportInput judged = input;
    Optional<Commit> base =
        Reports.endOfPreviousQuarter(judged).or(() -> Reports.startOfHistory(judged));
    if (base.isPresent()) {
      // Today's plan against the plan of the last commit before the previous quarter ended, or of
      // the first commit when the history starts later (a roadmap committed mid-quarter).
      Optional<Checkout.Adjustments> adjustments;
      try {
        adjustments =
            Optional.of(
                target.adjustmentsSince(
                    base.get(),
                    result,
                    c -> "commit " + c.shortId() + " of " + Wording.date(c.date())));
      } catch (GitProblem e) {
        // The base's files are not in the repository (a partial clone): the adjustments are told
        // from the history, which says what it cannot tell.
        adjustments = Optional.empty();
      }
      if (adjustments.isPresent()) {
        input = input.withDiff(adjustments.get().sinceBase());
        if (adjustments.get().uncommitted().isPresent()) {
          input = input.withUncommitted(adjustments.get().uncommitted().get());
        }
      }
    }
    try {
      return Reports.render(input);
    } catch (ReportException e) {
      throw new UserError("no report written: " + e.getMessage());
    }
  }

  /**
   * The commit a report of a closed quarter reflects: when the reviewed quarter (named by {@code
   * --quarter}, or containing an explicit {@code --as-of}) ended before the date of the state being
   * judged (its commit's date; today for a work tree with uncommitted changes), the report is of
   * the last commit on or before the quarter's last day, so that it can be regenerated exactly,
   * later. Empty when the quarter is not closed, with {@code --rev}, or without Git.
   *
   * @throws UserError when the repository has no commit on or before the quarter's end
   */
  static Optional<Commit> closedQuarterCommit(
      Checkout target, Optional<Quarter> reviewed, boolean revisionGiven, Clock clock)
      throws IOException {
    if (revisionGiven || reviewed.isEmpty() || !target.historyAvailable()) {
      return Optional.empty();
    }
    Quarter q = reviewed.get();
    if (!q.end().isBefore(target.state().date(clock))) {
      return Optional.empty();
    }
    Optional<Commit> commit = target.lastCommitOnOrBefore(q.end());
    if (commit.isEmpty()) {
      Optional<String> shallow =
          target.historyLimitation().filter(l -> l.startsWith("shallow clone"));
      if (shallow.isPresent()) {
        // The walk stopped at the boundary: the quarter's commit may well be in the repository.
        throw new UserError(
            q.id()
                + " ended on "
                + q.end()
                + ", before the oldest commit of this shallow clone ("
                + shallow.get()
                + "): its report cannot be reproduced from here. "
                + Checkout.unshallowAdvice()
                + " Or give --rev REV to choose the revision to report on.");
      }
      throw new UserError(
          q.id()
              + " ended on "
              + q.end()
              + ", before the first commit of the repository: its report cannot be reproduced"
              + " from Git; give --rev REV to choose the revision to report on");
    }
    return commit;
  }

  /** The quarter a report reviews when one is named: {@code --quarter}, else that of --as-of. */
  static Optional<Quarter> named(Optional<Quarter> asked, Optional<LocalDate> asOf) {
    return asked.or(() -> asOf.map(Quarter::containing));
  }

  /**
   * One warning line when a statement derived from history was limited by its coverage (a shallow
   * or partial clone, a missing object): the reports say what they cannot tell, and the pipeline
   * log says that they do.
   */
  static Optional<String> coverageWarning(ValidationResult result) {
    return result
        .historyLimit()
        .map(
            g ->
                "waymark: warning: history-derived statements are limited ("
                    + g.reason()
                    + "); the reports and findings say what they cannot tell. "
                    + g.remedy());
  }

  /** Prints {@link #coverageWarning} on standard error. */
  static void warnAboutCoverage(picocli.CommandLine cli, ValidationResult result, boolean quiet) {
    if (!quiet) {
      coverageWarning(result)
          .ifPresent(
              w -> {
                cli.getErr().println(io.waymark.report.text.TerminalText.escape(w));
                cli.getErr().flush();
              });
    }
  }

  /** The notes of the rendered reports (a PDF character without a font), on stderr. */
  static void printNotes(picocli.CommandLine cli, RenderedReport report, boolean quiet) {
    if (!quiet) {
      report.notes().forEach(note -> printNote(cli, note));
    }
  }

  /** One "waymark: note: …" line on standard error, escaped for the terminal. */
  private static void printNote(picocli.CommandLine cli, String note) {
    cli.getErr().println("waymark: note: " + io.waymark.report.text.TerminalText.escape(note));
    cli.getErr().flush();
  }

  /**
   * A note when the review of a closed quarter leaves out commits made since it ended, in the
   * quarter after it: a review is usually prepared in the weeks after the quarter closed, with its
   * last readings, deliveries and decisions committed then, and those are not in the state at the
   * quarter's end. Empty when the checkout is that commit, or when the newest commit is later than
   * the end of the following quarter (a report of an old quarter, reproduced).
   */
  static Optional<String> laterCommitsNote(Checkout target, Quarter q, Commit reviewed) {
    Optional<Commit> head = target.state().commit();
    if (head.isEmpty()
        || head.get().id().equals(reviewed.id())
        || head.get().date().isAfter(q.next().end())) {
      return Optional.empty();
    }
    return Optional.of(
        "this review of "
            + q.id()
            + " is the repository as it stood at the quarter's end: commit "
            + reviewed.shortId()
            + " of "
            + Wording.date(reviewed.date())
            + ". What was committed since, up to "
            + head.get().shortId()
            + " of "
            + Wording.date(head.get().date())
            + " (the quarter's last readings, deliveries or decisions recorded after it ended),"
            + " is not in it; give --rev "
            + head.get().shortId()
            + " to review the quarter with it (the review is then as of "
            + Wording.date(head.get().date())
            + ").");
  }

  /** Prints {@link #laterCommitsNote} on standard error, unless quiet. */
  static void noteLaterCommits(
      picocli.CommandLine cli,
      Checkout target,
      Optional<Quarter> asked,
      Commit reviewed,
      boolean quiet) {
    if (quiet || asked.isEmpty()) {
      return;
    }
    laterCommitsNote(target, asked.get(), reviewed).ifPresent(n -> printNote(cli, n));
  }
}
