package io.waymark.engine.rules.history;

import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
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
import java.util.Set;

/** The Git history is incomplete (a shallow clone): history rules used only what is there. */
public final class HistoryShallowRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "history-shallow",
          Severity.INFO,
          "history",
          "The Git history is incomplete (shallow clone): history rules used only what is there.",
          """
          `milestone-slipping` and `roadmap-churn` read the commits that changed the roadmap, and
          `actuals-stale` reads them for the day an initiative joined the roadmap. Many CI jobs (Jenkins' Git plugin with "Shallow clone", GitHub Actions' checkout by
          default, GitLab's `GIT_DEPTH`) fetch only the last commit or few, so older re-plans are
          invisible and a milestone that slipped three times may look as if it never moved.
          Waymark never fails a run for that, and never pretends the numbers are complete: it
          judges what is there and says so in this one finding, naming the questions it could not
          answer (the re-plans of which milestones, the plan changes of which months, when which
          initiatives in progress joined the roadmap). It fires
          only where the history of the roadmap really ends early: a shallow clone
          (`.git/shallow`) whose boundary the roadmap file predates, a grafted clone whose
          grafts hide commits that are not in the repository (Waymark does not apply grafts and
          reads the real parents where they exist), or a partial clone (`--filter=blob:none`)
          without the old file contents. A detached HEAD, as CI servers check out, is no
          limitation when the history behind it is complete.""",
          """
          Fetch the full history before running Waymark. The hint names the step of the CI
          server the run is on: `fetch-depth: 0` on GitHub Actions' checkout, `GIT_DEPTH: 0` on
          a GitLab job, "Shallow clone" turned off in Jenkins (in a Pipeline:
          `checkout scmGit(..., extensions: [cloneOption(shallow: false, noTags: false)])`), else
          `git fetch --unshallow`. Grafts: `git replace --convert-graft-file`.""",
          """
          # CI checkout with depth 1
          $ git clone --depth 1 https://git.example/ai-roadmap.git
          """,
          """
          # full history
          $ git clone https://git.example/ai-roadmap.git
          """);

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
    PlanHistory history = context.history();
    if (roadmap.isEmpty() || !history.available()) {
      return;
    }
    Optional<HistoryGap> gap =
        history.roadmapGap().filter(g -> INCOMPLETE_CLONE.contains(g.kind()));
    if (gap.isEmpty()) {
      return; // complete, or a file whose whole life is after the shallow boundary
    }
    int commits = history.roadmap().size();
    List<String> unanswered = HistoryQuestions.unanswered(history, roadmap.get(), context.asOf());
    context.report(
        Location.ofFile(roadmap.get().at().file()),
        "the Git history is incomplete ("
            + gap.get().reason()
            + ")"
            + (unanswered.isEmpty() ? "" : ": it cannot tell " + String.join("; nor ", unanswered))
            + "; "
            + HistoryQuestions.Asker.all()
            + " used only what is there ("
            + commits
            + (commits == 1 ? " commit" : " commits")
            + " of the roadmap)",
        gap.get().remedy());
  }

  static final Set<HistoryGap.Kind> INCOMPLETE_CLONE =
      Set.of(HistoryGap.Kind.SHALLOW, HistoryGap.Kind.GRAFTED, HistoryGap.Kind.PARTIAL_CLONE);
}
