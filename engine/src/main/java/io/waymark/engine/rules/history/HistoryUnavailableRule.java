package io.waymark.engine.rules.history;

import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.history.FetchAdvice;
import io.waymark.engine.history.HistoryGap;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.List;
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
          run, and `actuals-stale` counts an initiative's 45 days without the day it joined the
          roadmap (from its phase's start or its latest actual). Waymark says so once instead of
          reporting nothing, so that a clean result is not mistaken for a roadmap that never
          slipped. The same finding names a Git object of an
          older version that is missing or corrupt (a damaged repository, a pruned object): the
          history is then read up to that version, the finding says which questions it could not
          answer, and the rest of the run (every other rule, the reports) goes on. The engine used
          as a library, without asking for history, stays silent.""",
          """
          Run Waymark on a Git work tree (clone the repository instead of copying or exporting
          it); for a missing or corrupt object, check the repository with `git fsck` and fetch
          the objects again (`git fetch --refetch origin`) or clone it again; or accept the finding where history is not wanted, e.g. with
          `rules: {history-unavailable: {severity: off, justification: ...}}` in `waymark.yaml`.""",
          """
          # a roadmap folder copied out of its repository
          $ cp -r ai-roadmap /tmp/roadmap && waymark validate /tmp/roadmap
          """,
          """
          # the Git work tree
          $ git clone https://git.example/ai-roadmap.git && waymark validate ai-roadmap
          """);

  /**
   * What to do, by why there is no history: a repository that is there but damaged (its HEAD commit
   * missing, a pack that cannot be read) is repaired; one without a commit gets its history with
   * the first; a folder outside Git is cloned rather than copied.
   */
  private static String remedy(String limitation) {
    if (!limitation.startsWith("the .git file")
        && (limitation.contains(" is missing") || limitation.contains("cannot be read"))) {
      return FetchAdvice.repair();
    }
    if (limitation.contains("extensions.objectFormat")) {
      return "Waymark reads Git repositories with SHA-1 object names only: until it reads this"
          + " one, the history rules are skipped here.";
    }
    if (limitation.contains("no commits yet")) {
      return "The history rules start with the roadmap's first commit.";
    }
    return "Run Waymark on a Git work tree (a clone, not a copy) to get the history rules.";
  }

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds and the Git history. */
  @Override
  public RuleScope scope() {
    return RuleScope.history(Kind.ROADMAP, Kind.METRICS);
  }

  @Override
  public void check(RuleContext context) {
    Optional<Roadmap> roadmap = context.plan().roadmap();
    if (roadmap.isEmpty()) {
      return;
    }
    PlanHistory history = context.history();
    Optional<String> limitation = HistoryLimits.missing(history);
    if (limitation.isPresent()) {
      context.report(
          Location.ofFile(roadmap.get().at().file()),
          "no Git history (" + limitation.get() + "): " + HistoryQuestions.Asker.withoutHistory(),
          remedy(limitation.get()));
      return;
    }
    // Objects that cannot be read: the history is there, but ends early.
    for (HistoryGap gap : history.gaps()) {
      if (HistoryShallowRule.INCOMPLETE_CLONE.contains(gap.kind())) {
        continue;
      }
      boolean ofRoadmap = history.roadmapGap().filter(g -> g.equals(gap)).isPresent();
      List<String> unanswered =
          ofRoadmap
              ? HistoryQuestions.unanswered(history, roadmap.get(), context.asOf())
              : List.of("the metric readings recorded before then, for the reports' trend lines");
      context.report(
          Location.ofFile(ofRoadmap ? roadmap.get().at().file() : gap.file()),
          "part of the Git history cannot be read ("
              + gap.reason()
              + ")"
              + (unanswered.isEmpty()
                  ? ""
                  : ": it cannot tell " + String.join("; nor ", unanswered))
              + (ofRoadmap
                  ? "; " + HistoryQuestions.Asker.all() + " used only what could be read"
                  : ""),
          gap.remedy());
    }
  }
}
