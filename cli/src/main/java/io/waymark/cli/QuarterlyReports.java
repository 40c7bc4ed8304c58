package io.waymark.cli;

import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Validator;
import io.waymark.engine.diff.PlanDiff;
import io.waymark.engine.history.Commit;
import io.waymark.engine.history.History;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.history.Revision;
import io.waymark.engine.history.UnknownRevisionException;
import io.waymark.engine.load.Loader;
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
   * @param git the history the validation read (trend lines, roadmap adjustments)
   * @param asked the quarter to review; empty for the quarter of the as-of date
   * @param dir the repository folder, whose {@code templates/} override the bundled ones
   * @param config the Config file used instead of the repository's, also for the earlier plan
   * @param reflects the state of the repository {@code result} is of: a commit, or a work tree with
   *     uncommitted changes on top of one (then the adjustments list those changes as "not yet
   *     committed")
   * @param limits the bounds of each template run
   * @throws UserError when a template fails (nothing is rendered then)
   */
  static RenderedReport render(
      Validator validator,
      History git,
      ValidationResult result,
      Optional<Quarter> asked,
      Path dir,
      Optional<Loader.NamedBytes> config,
      boolean pdf,
      GitOptions.Reflects reflects,
      RenderLimits limits)
      throws IOException {
    // The history the validation read: ci and report read it once.
    PlanHistory history =
        result
            .history()
            .orElseGet(
                () ->
                    PlanHistory.read(
                        git, result.load().documents(), result.load().config().limits()));
    Quarter q = asked.orElseGet(() -> Quarter.containing(result.asOf()));
    ReportInput input =
        ReportInput.of(result)
            .withQuarter(q)
            .withHistory(history)
            .withRepository(dir)
            .withPdf(pdf)
            .withRevision(reflects.text())
            .withLimits(limits);
    Optional<Commit> base = Reports.endOfPreviousQuarter(history, q);
    if (base.isPresent()) {
      if (reflects.changed() && reflects.commit().isPresent()) {
        // A work tree with changes: the quarter's adjustments up to HEAD, then what is not
        // committed yet (HEAD against the work tree), each row saying which.
        ValidationResult head =
            validateAt(validator, git, reflects.commit().get(), config, Optional.of(result.asOf()));
        input =
            input
                .withDiff(
                    PlanDiff.between(
                        validateAt(validator, git, base.get(), config, Optional.empty()), head))
                .withUncommitted(PlanDiff.between(head, result));
      } else {
        input = input.withDiff(diff(validator, git, base.get(), result, config));
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
      GitOptions.Target target, Optional<Quarter> reviewed, boolean revisionGiven, Clock clock)
      throws IOException {
    History history = target.options().history();
    if (revisionGiven || reviewed.isEmpty() || !history.available()) {
      return Optional.empty();
    }
    Quarter q = reviewed.get();
    if (!q.end().isBefore(target.reflects().date(clock))) {
      return Optional.empty();
    }
    Optional<Commit> commit = history.lastCommitOnOrBefore(q.end());
    if (commit.isEmpty()) {
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
        .history()
        .filter(PlanHistory::available)
        .flatMap(h -> h.gaps().stream().findFirst())
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

  /** A {@code --quarter} value, or a usage error. */
  static Quarter quarter(String text) {
    try {
      return Quarter.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserError("--quarter " + e.getMessage());
    }
  }

  /** Today's plan against the plan of the last commit before the previous quarter ended. */
  private static PlanDiff diff(
      Validator validator,
      History git,
      Commit base,
      ValidationResult head,
      Optional<Loader.NamedBytes> config)
      throws IOException {
    return PlanDiff.between(validateAt(validator, git, base, config, Optional.empty()), head);
  }

  /**
   * The plan of {@code commit}, labelled "commit 1a2b3c4 of 31 March 2027", judged at its commit
   * date or at {@code asOf}.
   */
  private static ValidationResult validateAt(
      Validator validator,
      History git,
      Commit commit,
      Optional<Loader.NamedBytes> config,
      Optional<LocalDate> asOf)
      throws IOException {
    Revision revision;
    try {
      revision = git.revision(commit.id());
    } catch (UnknownRevisionException e) {
      throw new UserError("cannot read commit " + commit.shortId() + ": " + e.getMessage());
    }
    String label = "commit " + commit.shortId() + " of " + Wording.date(commit.date());
    ValidationOptions options = ValidationOptions.defaults().withRevisionDate(commit.date());
    if (asOf.isPresent()) {
      options = options.withAsOf(asOf.get());
    }
    if (config.isPresent()) {
      options = options.withConfig(config.get());
    }
    return validator.validate(GitOptions.relabel(revision.source(), label), options);
  }
}
