package io.waymark.engine.rules.history;

import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import java.util.Optional;

/** History was looked for and is missing (no Git repository): history rules were skipped. */
public final class HistoryUnavailableRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "history-unavailable",
          Severity.INFO,
          "history",
          "No Git history could be read (e.g. not a Git repository): history rules were skipped.",
          """
          `milestone-slipping` and `roadmap-churn` judge how the roadmap changed over time, which
          only its Git history can tell. When the roadmap folder is not inside a Git repository
          (a copied folder, a release archive, a CI workspace without `.git`), those rules cannot
          run. Waymark says so once instead of reporting nothing, so that a clean result is not
          mistaken for a roadmap that never slipped. The engine used as a library, without asking
          for history, stays silent.""",
          """
          Run Waymark on a Git work tree (clone the repository instead of copying or exporting
          it), or accept the finding where history is not wanted, e.g. with
          `rules: {history-unavailable: {severity: off, justification: ...}}` in `waymark.yaml`.""",
          """
          # a roadmap folder copied out of its repository
          $ cp -r ai-roadmap /tmp/roadmap && waymark validate /tmp/roadmap
          """,
          """
          # the Git work tree
          $ git clone https://git.example/ai-roadmap.git && waymark validate ai-roadmap
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext context) {
    Optional<Roadmap> roadmap = context.plan().roadmap();
    Optional<String> limitation = HistoryLimits.missing(context.history());
    if (roadmap.isEmpty() || limitation.isEmpty()) {
      return;
    }
    context.report(
        Location.ofFile(roadmap.get().at().file()),
        "no Git history ("
            + limitation.get()
            + "): milestone-slipping and roadmap-churn were skipped",
        "Run Waymark on a Git work tree (a clone, not a copy) to get the history rules.");
  }
}
