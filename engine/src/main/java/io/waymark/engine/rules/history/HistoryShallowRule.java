package io.waymark.engine.rules.history;

import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.history.FetchAdvice;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import java.util.Optional;

/** The Git history is incomplete (a shallow clone): history rules used only what is there. */
public final class HistoryShallowRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "history-shallow",
          Severity.INFO,
          "history",
          "The Git history is incomplete (shallow clone): history rules used only what is there.",
          """
          `milestone-slipping` and `roadmap-churn` read the commits that changed the roadmap.
          Many CI jobs (Jenkins' Git plugin with "Shallow clone", GitHub Actions' checkout by
          default, GitLab's `GIT_DEPTH`) fetch only the last commit or few, so older re-plans are
          invisible and a milestone that slipped three times may look as if it never moved.
          Waymark never fails a run for that, and never pretends the numbers are complete: it
          judges what is there and says so in this one finding. It fires only for a real shallow
          clone (`.git/shallow`) or a grafted one (`.git/info/grafts`, which Waymark does not
          apply); a detached HEAD, as CI servers check out, is no limitation when the history
          behind it is complete.""",
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

  @Override
  public void check(RuleContext context) {
    Optional<Roadmap> roadmap = context.plan().roadmap();
    Optional<String> limitation = HistoryLimits.incomplete(context.history());
    if (roadmap.isEmpty() || limitation.isEmpty()) {
      return;
    }
    int commits = context.history().roadmap().size();
    context.report(
        Location.ofFile(roadmap.get().at().file()),
        "the Git history is incomplete ("
            + limitation.get()
            + "): milestone-slipping and roadmap-churn used only what is there ("
            + commits
            + (commits == 1 ? " commit" : " commits")
            + " of the roadmap)",
        limitation.get().startsWith("grafted")
            ? FetchAdvice.ungraft()
            : FetchAdvice.unshallow(FetchAdvice.current()));
  }
}
